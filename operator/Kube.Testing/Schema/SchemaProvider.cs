using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Schema;

/// <summary>Finds the schema of a served resource: parsed from its CRD (cached per CRD uid, version and resourceVersion), or the built-in knowledge.</summary>
internal sealed class SchemaProvider : ISchemaProvider
{
    private static readonly SchemaNode PreserveEverything = new() { Type = "object", PreserveUnknownFields = true };
    private readonly ConcurrentDictionary<(string Uid, string Version), (string ResourceVersion, CustomResourceSchema Schema)> _cache = new();

    /// <inheritdoc />
    /// <exception cref="SchemaBuildException">The CRD's schema uses rules or patterns this server cannot enforce.</exception>
    public IResourceSchema For(ResourceContext resource, JsonObject? crd)
    {
        if (crd is null)
        {
            return new BuiltInSchema(resource.Kind);
        }
        var uid = (string?)crd["metadata"]?["uid"] ?? (string?)crd["metadata"]?["name"] ?? "";
        var resourceVersion = (string?)crd["metadata"]?["resourceVersion"] ?? "";
        var key = (uid, resource.Version);
        if (_cache.TryGetValue(key, out var cached) && cached.ResourceVersion == resourceVersion)
        {
            return cached.Schema;
        }
        var schema = Build(crd, resource.Version);
        _cache[key] = (resourceVersion, schema);
        return schema;
    }

    /// <summary>
    /// The errors that make a CRD's schemas unenforceable (e.g. a rule outside the supported CEL subset), one per problem,
    /// for the CRD's own create/update validation; empty when every version builds.
    /// </summary>
    public static IReadOnlyList<FieldError> ValidateDefinition(JsonObject crd)
    {
        var errors = new List<FieldError>();
        var versions = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>().ToList();
        for (var i = 0; i < versions.Count; i++)
        {
            try
            {
                Build(crd, (string?)versions[i]["name"] ?? "");
            }
            catch (SchemaBuildException error)
            {
                var field = $"spec.versions[{i}].schema.openAPIV3Schema";
                errors.AddRange(error.Problems.Select(problem => new FieldError(field, FieldErrors.Invalid, $"Invalid value: \"object\": {problem}")));
            }
        }
        return errors;
    }

    private static CustomResourceSchema Build(JsonObject crd, string version)
    {
        var served = (crd["spec"]?["versions"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(v => (string?)v["name"] == version);
        var openApi = served?["schema"]?["openAPIV3Schema"] as JsonObject ?? crd["spec"]?["validation"]?["openAPIV3Schema"] as JsonObject;
        var root = openApi is null ? PreserveEverything : SchemaParser.Parse(openApi);
        var hasStatus = served?["subresources"]?["status"] is not null || crd["spec"]?["subresources"]?["status"] is not null;
        return new CustomResourceSchema(root, hasStatus);
    }
}
