using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Paas.Platform.Dynos;

namespace Paas.Platform.Crds;

/// <summary>Renders docs/api-reference.md from the same schemas as the CRDs, so the reference cannot disagree with them.</summary>
public static class ApiReference
{
    public const string FileName = "api-reference.md";

    private const string Introduction = """
        # paas.dev/v1alpha1 API reference

        Generated from `operator/Platform/Api` with the CRDs in `crds/`; do not edit by hand (`make crds` regenerates both,
        and a test fails when this file is stale). The contract in prose is `design/api.md`; this file is its exact shape.

        All four kinds are namespaced, have the `status` subresource and the category `paas` (`kubectl get paas`).
        Short names carry a `p` prefix because `app`/`apps` already belong to Argo CD's Application and plain `build`,
        `release` and `formation` are taken or likely to be taken by other CRDs in a cluster.

        **Where rules live.** The schema holds what the API server can check cheaply: types, required fields, enums of
        status phases, minimums and maximums, a few patterns on machine-written fields (digests, checksums), and CEL rules
        for combinations (exactly one Build source, immutable Build and Release specs, autoscale min <= max, a Formation
        named like its App). The admission webhook (`Paas.Platform.Validation`) checks everything else, Heroku's naming
        rules, config var keys and size, domains, Procfiles, dyno sizes and the platform's maximum quantity, and reports
        every error of an object at once as `field: subject "value" is invalid: rule; fix`. Those stay out of the schema on
        purpose: the API server validates the schema before the webhook runs, and its terse pattern messages would hide ours.

        """;

    /// <summary>The whole reference as Markdown.</summary>
    public static string Render(DynoSizeTable? sizes = null)
    {
        var text = new StringBuilder(Introduction.ReplaceLineEndings("\n"));
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            RenderKind(text, crd);
        }

        RenderDynoSizes(text, sizes ?? DynoSizeTable.Default);
        return text.ToString();
    }

    private static void RenderKind(StringBuilder text, JsonObject crd)
    {
        var names = crd["spec"]!["names"]!;
        var version = crd["spec"]!["versions"]![0]!;
        var schema = version["schema"]!["openAPIV3Schema"]!.AsObject();
        text.Append(CultureInfo.InvariantCulture, $"\n## {names["kind"]}\n\n{schema["description"]}\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Plural `{names["plural"]}`, short name `{string.Join("`, `", names["shortNames"]!.AsArray())}`.\n\n");
        text.Append("`kubectl get` columns: ");
        text.Append(string.Join(", ", version["additionalPrinterColumns"]!.AsArray().Select(c => $"{c!["name"]} (`{c["jsonPath"]}`)")));
        text.Append(".\n\n| Field | Type | Description |\n|---|---|---|\n");
        foreach (var part in new[] { "spec", "status" })
        {
            if (schema["properties"]![part] is JsonObject node)
            {
                var required = (schema["required"] as JsonArray)?.Any(r => (string?)r == part) == true;
                Rows(text, part, node, required);
            }
        }

        foreach (var rule in schema["x-kubernetes-validations"] as JsonArray ?? [])
        {
            text.Append(CultureInfo.InvariantCulture, $"\nObject rule: `{rule!["rule"]}` ({rule["message"]}).\n");
        }
    }

    private static void Rows(StringBuilder text, string path, JsonObject schema, bool required)
    {
        text.Append(CultureInfo.InvariantCulture, $"| `{path}` | {TypeOf(schema)} | {Describe(schema, required)} |\n");
        var requiredChildren = (schema["required"] as JsonArray)?.Select(r => (string)r!).ToHashSet() ?? [];
        foreach (var (name, child) in schema["properties"] as JsonObject ?? [])
        {
            Rows(text, $"{path}.{name}", child!.AsObject(), requiredChildren.Contains(name));
        }

        if (schema["items"] is JsonObject items && items["properties"] is JsonObject itemProperties)
        {
            foreach (var (name, child) in itemProperties)
            {
                var itemRequired = (items["required"] as JsonArray)?.Any(r => (string?)r == name) == true;
                Rows(text, $"{path}[].{name}", child!.AsObject(), itemRequired);
            }
        }

        if (schema["additionalProperties"] is JsonObject values && values["properties"] is JsonObject valueProperties)
        {
            foreach (var (name, child) in valueProperties)
            {
                var valueRequired = (values["required"] as JsonArray)?.Any(r => (string?)r == name) == true;
                Rows(text, $"{path}.<key>.{name}", child!.AsObject(), valueRequired);
            }
        }
    }

    private static string TypeOf(JsonObject schema) => (string?)schema["type"] switch
    {
        "array" => $"[]{TypeOf((JsonObject)schema["items"]!)}",
        "object" when schema["additionalProperties"] is JsonObject values => $"map[string]{TypeOf(values)}",
        var type => schema["format"] is { } format ? $"{type} ({format})" : type ?? "?",
    };

    private static string Describe(JsonObject schema, bool required)
    {
        var facts = new List<string>();
        if (required)
        {
            facts.Add("Required.");
        }

        AddFact(facts, schema, "enum", v => $"One of {string.Join(", ", v!.AsArray().Select(e => $"`{e}`"))}.");
        AddFact(facts, schema, "default", v => $"Default `{v!.ToJsonString()}`.");
        AddFact(facts, schema, "pattern", v => $"Pattern `{v}`.");
        AddFact(facts, schema, "minimum", v => $"Minimum {v}.");
        AddFact(facts, schema, "maximum", v => $"Maximum {v}.");
        AddFact(facts, schema, "minLength", v => $"At least {v} characters.");
        AddFact(facts, schema, "maxLength", v => $"At most {v} characters.");
        AddFact(facts, schema, "maxItems", v => $"At most {v} items.");
        AddFact(facts, schema, "maxProperties", v => $"At most {v} entries.");
        AddFact(facts, schema, "x-kubernetes-list-map-keys", v => $"Merges by {string.Join(", ", v!.AsArray())} under server-side apply.");
        foreach (var rule in schema["x-kubernetes-validations"] as JsonArray ?? [])
        {
            facts.Add($"Rule `{rule!["rule"]}`: {rule["message"]}.");
        }

        var description = (string?)schema["description"] ?? "";
        return string.Join(' ', new[] { description }.Concat(facts).Where(s => s.Length > 0)).Replace("|", "\\|", StringComparison.Ordinal);
    }

    private static void AddFact(List<string> facts, JsonObject schema, string key, Func<JsonNode?, string> describe)
    {
        if (schema.ContainsKey(key))
        {
            facts.Add(describe(schema[key]));
        }
    }

    private static void RenderDynoSizes(StringBuilder text, DynoSizeTable sizes)
    {
        text.Append("\n## Dyno sizes\n\n");
        text.Append("Heroku's names, mapped to container resources; the chart can replace any of them or add more ");
        text.Append("(`PlatformSettings.DynoSizes`). Memory request equals the limit. CPU follows memory (250m per 512Mi); ");
        text.Append("shared sizes may burst to 4x their request like Heroku's \"1x-4x compute\", performance sizes are dedicated.\n\n");
        text.Append("| Size | Memory | CPU request | CPU limit |\n|---|---|---|---|\n");
        foreach (var size in sizes.Sizes)
        {
            text.Append(CultureInfo.InvariantCulture, $"| `{size.Name}` | {size.Memory} | {size.CpuRequest} | {size.CpuLimit} |\n");
        }
    }
}
