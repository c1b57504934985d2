using System.Text.Json.Nodes;
using Paas.Platform.Api;

namespace Paas.Platform.Crds;

/// <summary>Generates the paas.dev CustomResourceDefinitions from the C# types in <see cref="Paas.Platform.Api"/>.</summary>
public static class CrdGenerator
{
    private const string Header =
        "# Generated from operator/Platform/Api by Paas.Platform.Crds.CrdGenerator; do not edit.\n" +
        "# Regenerate with `make crds` (paas-operator crds).\n";

    /// <summary>One CustomResourceDefinition per kind, as <c>apiextensions.k8s.io/v1</c> JSON objects, in a fixed order.</summary>
    public static IReadOnlyList<JsonObject> CustomResourceDefinitions()
    {
        var schemas = new SchemaBuilder(PaasJson.Options);
        return
        [
            Definition<App>(schemas),
            Definition<Build>(schemas),
            Definition<Release>(schemas),
            Definition<Formation>(schemas),
        ];
    }

    /// <summary>The CRD files, <c>paas.dev_&lt;plural&gt;.yaml</c>, as YAML text.</summary>
    public static IReadOnlyList<GeneratedFile> Generate() =>
        [.. CustomResourceDefinitions().Select(crd => new GeneratedFile(FileNameOf(crd), Header + YamlText.From(crd)))];

    /// <summary>Writes <see cref="Generate"/>'s files into <paramref name="directory"/>, creating it; returns the paths written.</summary>
    public static async Task<IReadOnlyList<string>> WriteTo(string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var file in Generate())
        {
            var path = Path.Combine(directory, file.FileName);
            await File.WriteAllTextAsync(path, file.Content, cancellationToken);
            written.Add(path);
        }

        return written;
    }

    private static string FileNameOf(JsonObject crd) =>
        $"{(string)crd["spec"]!["group"]!}_{(string)crd["spec"]!["names"]!["plural"]!}.yaml";

    private static JsonObject Definition<T>(SchemaBuilder schemas)
        where T : IPaasResource<T>
    {
        var resource = T.Resource;
        var presentation = T.Presentation;
        var names = new JsonObject
        {
            ["categories"] = new JsonArray(PaasGroup.Category),
            ["kind"] = resource.Kind,
            ["listKind"] = resource.Kind + "List",
            ["plural"] = resource.Plural,
            ["shortNames"] = new JsonArray([.. presentation.ShortNames.Select(n => (JsonNode)n)]),
            ["singular"] = resource.Kind.ToLowerInvariant(),
        };
        var version = new JsonObject
        {
            ["name"] = resource.Version,
            ["served"] = true,
            ["storage"] = true,
            ["additionalPrinterColumns"] = new JsonArray([.. presentation.Columns.Select(Column)]),
            ["schema"] = new JsonObject { ["openAPIV3Schema"] = SchemaOrder.Canonical(schemas.ForKind(typeof(T))) },
            ["subresources"] = new JsonObject { ["status"] = new JsonObject() },
        };
        return new JsonObject
        {
            ["apiVersion"] = "apiextensions.k8s.io/v1",
            ["kind"] = "CustomResourceDefinition",
            ["metadata"] = new JsonObject { ["name"] = $"{resource.Plural}.{resource.Group}" },
            ["spec"] = new JsonObject
            {
                ["group"] = resource.Group,
                ["names"] = names,
                ["scope"] = resource.Namespaced ? "Namespaced" : "Cluster",
                ["versions"] = new JsonArray(version),
            },
        };
    }

    private static JsonNode Column(PrinterColumn column)
    {
        var node = new JsonObject
        {
            ["name"] = column.Name,
            ["type"] = column.Type,
            ["jsonPath"] = column.JsonPath,
            ["description"] = column.Description,
        };
        if (column.Priority != 0)
        {
            node["priority"] = column.Priority;
        }

        return node;
    }
}
