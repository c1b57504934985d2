using System.Text.Json.Nodes;
using Kube.Testing.Resources;

namespace Kube.Testing.Discovery;

/// <summary>The legacy (unaggregated) discovery documents: /version, /api, /api/v1, /apis, /apis/{group}, /apis/{group}/{version}.</summary>
internal sealed class DiscoveryDocuments(ResourceRegistry registry, Func<string> serverAddress)
{
    public static JsonObject Version() => new()
    {
        ["major"] = "1",
        ["minor"] = "32",
        ["gitVersion"] = "v1.32.0-kube-testing",
        ["gitCommit"] = "0000000000000000000000000000000000000000",
        ["gitTreeState"] = "clean",
        ["buildDate"] = "2025-01-01T00:00:00Z",
        ["goVersion"] = "go1.23.0",
        ["compiler"] = "gc",
        ["platform"] = "linux/amd64",
    };

    public JsonObject CoreVersions() => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress() }),
    };

    public JsonObject GroupList() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Groups().Select(g => (JsonNode)GroupBody(g.Key, g.Value))]),
    };

    /// <summary>The APIGroup document, or null when no resource of that group is served.</summary>
    public JsonObject? Group(string group)
    {
        var versions = Groups().FirstOrDefault(g => g.Key == group).Value;
        if (versions is null)
            return null;
        var body = GroupBody(group, versions);
        body["kind"] = "APIGroup";
        body["apiVersion"] = "v1";
        return body;
    }

    /// <summary>The APIResourceList of one group version, or null when nothing is served there.</summary>
    public JsonObject? ResourceList(string group, string version)
    {
        var resources = registry.All.Where(r => r.Group == group && r.Version == version).ToList();
        if (resources.Count == 0)
            return null;
        var list = new JsonArray();
        foreach (var resource in resources)
        {
            list.Add(ResourceEntry(resource));
            if (resource.HasStatus)
            {
                list.Add(new JsonObject
                {
                    ["name"] = resource.Plural + "/status",
                    ["singularName"] = "",
                    ["namespaced"] = resource.Namespaced,
                    ["kind"] = resource.Kind,
                    ["verbs"] = new JsonArray("get", "patch", "update"),
                });
            }
        }
        return new JsonObject
        {
            ["kind"] = "APIResourceList",
            ["apiVersion"] = "v1",
            ["groupVersion"] = group.Length == 0 ? version : $"{group}/{version}",
            ["resources"] = list,
        };
    }

    private static JsonObject ResourceEntry(ResourceDefinition resource)
    {
        var entry = new JsonObject
        {
            ["name"] = resource.Plural,
            ["singularName"] = resource.Singular,
            ["namespaced"] = resource.Namespaced,
            ["kind"] = resource.Kind,
            ["verbs"] = new JsonArray([.. ResourceDefinition.AllVerbs.Select(v => (JsonNode)v)]),
        };
        if (resource.ShortNames.Count > 0)
            entry["shortNames"] = new JsonArray([.. resource.ShortNames.Select(s => (JsonNode)s)]);
        if (resource.Categories.Count > 0)
            entry["categories"] = new JsonArray([.. resource.Categories.Select(c => (JsonNode)c)]);
        return entry;
    }

    private static JsonObject GroupBody(string group, IReadOnlyList<string> versions)
    {
        JsonObject Entry(string v) => new() { ["groupVersion"] = $"{group}/{v}", ["version"] = v };
        return new JsonObject
        {
            ["name"] = group,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)Entry(v))]),
            ["preferredVersion"] = Entry(versions[0]),
        };
    }

    /// <summary>Named groups in registry order, each with its versions (first one preferred).</summary>
    private List<KeyValuePair<string, IReadOnlyList<string>>> Groups()
    {
        var groups = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var resource in registry.All.Where(r => r.Group.Length > 0))
        {
            var index = groups.FindIndex(g => g.Key == resource.Group);
            if (index < 0)
                groups.Add(new(resource.Group, new List<string> { resource.Version }));
            else if (!groups[index].Value.Contains(resource.Version))
                ((List<string>)groups[index].Value).Add(resource.Version);
        }
        return groups;
    }
}
