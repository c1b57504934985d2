using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Resources;

/// <summary>Reads a CustomResourceDefinition: its served versions, its basic validity, and the status the API server gives it.</summary>
internal static class CustomResourceDefinitions
{
    public static ResourceKey KeyOf(JsonObject crd) =>
        new(Text(crd, "spec", "group"), Text(crd, "spec", "names", "plural"));

    /// <summary>The served versions, storage version first so it becomes the preferred one in discovery.</summary>
    public static IReadOnlyList<ResourceDefinition> ServedVersions(JsonObject crd)
    {
        var spec = crd["spec"] as JsonObject;
        var names = spec?["names"] as JsonObject;
        var group = Text(crd, "spec", "group");
        var kind = names?["kind"]?.ToString() ?? "";
        var plural = names?["plural"]?.ToString() ?? "";
        var singular = names?["singular"]?.ToString() is { Length: > 0 } s ? s : kind.ToLowerInvariant();
        var namespaced = spec?["scope"]?.ToString() != "Cluster";
        var shortNames = Strings(names?["shortNames"]);
        var categories = Strings(names?["categories"]);
        var versions = (spec?["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .Where(v => v["served"]?.GetValue<bool>() ?? false)
            .OrderByDescending(v => v["storage"]?.GetValue<bool>() ?? false);
        return [.. versions.Select(v => new ResourceDefinition(
            group,
            v["name"]?.ToString() ?? "",
            kind,
            plural,
            singular,
            namespaced,
            shortNames,
            categories,
            HasStatus: v["subresources"]?["status"] is JsonObject,
            PrinterColumns(v["additionalPrinterColumns"] as JsonArray),
            IsCustom: true))];
    }

    /// <summary>The checks that keep a CRD servable; full OpenAPI validation of CRDs is out of scope.</summary>
    public static IReadOnlyList<FieldError> Validate(JsonObject crd)
    {
        var errors = new List<FieldError>();
        var group = Text(crd, "spec", "group");
        var plural = Text(crd, "spec", "names", "plural");
        var name = crd["metadata"]?["name"]?.ToString() ?? "";
        if (group.Length == 0)
            errors.Add(new("spec.group", "FieldValueRequired", "Required value"));
        if (plural.Length == 0)
            errors.Add(new("spec.names.plural", "FieldValueRequired", "Required value"));
        if (Text(crd, "spec", "names", "kind").Length == 0)
            errors.Add(new("spec.names.kind", "FieldValueRequired", "Required value"));
        if (name != $"{plural}.{group}")
            errors.Add(new("metadata.name", "FieldValueInvalid", $"Invalid value: \"{name}\": must be spec.names.plural+\".\"+spec.group"));
        var versions = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        if (versions.Count == 0)
            errors.Add(new("spec.versions", "FieldValueInvalid", "Invalid value: null: must have exactly one version marked as storage version"));
        else if (versions.Count(v => v["storage"]?.GetValue<bool>() ?? false) != 1)
            errors.Add(new("spec.versions", "FieldValueInvalid", "Invalid value: must have exactly one version marked as storage version"));
        return errors;
    }

    /// <summary>Sets what the CRD controllers would: accepted names, Established and NamesAccepted, stored versions.</summary>
    public static void SetStatus(JsonObject crd, string now)
    {
        var names = crd["spec"]?["names"]?.DeepClone() as JsonObject ?? [];
        if (names["singular"] is null)
            names["singular"] = names["kind"]?.ToString().ToLowerInvariant();
        if (names["listKind"] is null)
            names["listKind"] = names["kind"] + "List";
        var storage = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(v => v["storage"]?.GetValue<bool>() ?? false)?["name"]?.ToString();
        var stored = Strings(crd["status"]?["storedVersions"]).ToList();
        if (storage is not null && !stored.Contains(storage))
            stored.Add(storage);
        crd["status"] = new JsonObject
        {
            ["acceptedNames"] = names,
            ["conditions"] = new JsonArray(Condition("NamesAccepted", "NoConflicts", "no conflicts found", now), Condition("Established", "InitialNamesAccepted", "the initial names have been accepted", now)),
            ["storedVersions"] = new JsonArray([.. stored.Select(v => (JsonNode)v)]),
        };
    }

    private static JsonObject Condition(string type, string reason, string message, string now) => new()
    {
        ["type"] = type,
        ["status"] = "True",
        ["lastTransitionTime"] = now,
        ["reason"] = reason,
        ["message"] = message,
    };

    private static List<PrinterColumn> PrinterColumns(JsonArray? columns) =>
        [.. (columns ?? []).OfType<JsonObject>().Select(c => new PrinterColumn(
            c["name"]?.ToString() ?? "",
            c["type"]?.ToString() ?? "string",
            c["jsonPath"]?.ToString() ?? "",
            c["description"]?.ToString() ?? "",
            c["priority"]?.GetValue<int>() ?? 0,
            c["format"]?.ToString()))];

    private static string[] Strings(JsonNode? node) =>
        node is JsonArray array ? [.. array.Select(n => n?.ToString() ?? "")] : [];

    private static string Text(JsonObject obj, params string[] path)
    {
        JsonNode? node = obj;
        foreach (var segment in path)
            node = (node as JsonObject)?[segment];
        return node?.ToString() ?? "";
    }
}
