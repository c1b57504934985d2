using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Kube.Testing.Resources;

namespace Kube.Testing.Discovery;

/// <summary>
/// A skeleton OpenAPI v3: the root index and, per group version, one path per resource whose PATCH operation
/// names its kind and accepts <c>fieldValidation</c>. That is what kubectl reads to decide that the server
/// validates fields itself; there are no schemas (so <c>kubectl explain</c> finds nothing).
/// </summary>
internal sealed class OpenApiDocuments(ResourceRegistry registry)
{
    public JsonObject Root()
    {
        var paths = new JsonObject();
        foreach (var groupVersion in GroupVersions())
        {
            var path = PathOf(groupVersion.Group, groupVersion.Version);
            paths[path] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{path}?hash={Hash(groupVersion.Group, groupVersion.Version)}" };
        }
        return new JsonObject { ["paths"] = paths };
    }

    /// <summary>The document of one group version, e.g. for <c>apis/apps/v1</c>; null when not served.</summary>
    public JsonObject? GroupVersion(string path)
    {
        var match = GroupVersions().FirstOrDefault(gv => PathOf(gv.Group, gv.Version) == path);
        if (match == default)
            return null;
        var paths = new JsonObject();
        foreach (var resource in Resources(match.Group, match.Version))
        {
            var prefix = "/" + PathOf(resource.Group, resource.Version) + (resource.Namespaced ? "/namespaces/{namespace}/" : "/");
            paths[prefix + resource.Plural + "/{name}"] = PathItem(resource);
        }
        return new JsonObject
        {
            ["openapi"] = "3.0.0",
            ["info"] = new JsonObject { ["title"] = "Kubernetes", ["version"] = "v1.32.0" },
            ["paths"] = paths,
            ["components"] = new JsonObject { ["schemas"] = new JsonObject() },
        };
    }

    private static JsonObject PathItem(ResourceDefinition resource) => new()
    {
        ["patch"] = new JsonObject
        {
            ["operationId"] = $"patch{resource.Kind}",
            ["x-kubernetes-action"] = "patch",
            ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = resource.Group, ["version"] = resource.Version, ["kind"] = resource.Kind },
            ["parameters"] = new JsonArray(
                Parameter("dryRun"), Parameter("fieldManager"), Parameter("fieldValidation"), Parameter("force")),
            ["responses"] = new JsonObject { ["200"] = new JsonObject { ["description"] = "OK" } },
        },
    };

    private static JsonObject Parameter(string name) => new()
    {
        ["name"] = name,
        ["in"] = "query",
        ["schema"] = new JsonObject { ["type"] = "string", ["uniqueItems"] = true },
    };

    private IEnumerable<ResourceDefinition> Resources(string group, string version) =>
        registry.All.Where(r => r.Group == group && r.Version == version);

    private List<(string Group, string Version)> GroupVersions() =>
        [.. registry.All.Select(r => (r.Group, r.Version)).Distinct()];

    private static string PathOf(string group, string version) => group.Length == 0 ? $"api/{version}" : $"apis/{group}/{version}";

    private string Hash(string group, string version)
    {
        var text = string.Join(";", Resources(group, version).Select(r => $"{r.Plural}:{r.Kind}:{r.Namespaced}"));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16];
    }
}
