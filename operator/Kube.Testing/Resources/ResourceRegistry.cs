using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Kube.Testing.Resources;

/// <summary>The resources served right now: the built-ins plus the versions of every established CRD.</summary>
internal sealed class ResourceRegistry
{
    private readonly Lock _gate = new();
    private ImmutableList<ResourceDefinition> _all;
    private ImmutableDictionary<string, CustomResource> _customByCrdName = ImmutableDictionary<string, CustomResource>.Empty;

    public ResourceRegistry() => _all = [.. BuiltInResources.All];

    /// <summary>Every served resource version, built-ins first, in a stable order.</summary>
    public IReadOnlyList<ResourceDefinition> All => Volatile.Read(ref _all);

    public ResourceDefinition? Find(string group, string version, string plural)
    {
        foreach (var resource in All)
        {
            if (resource.Plural == plural && resource.Version == version && resource.Group == group)
                return resource;
        }
        return null;
    }

    /// <summary>The CRD that defines a custom resource, for schema lookups; null for built-ins.</summary>
    public JsonObject? CrdFor(ResourceKey key)
    {
        foreach (var custom in Volatile.Read(ref _customByCrdName).Values)
        {
            if (custom.Key == key)
                return custom.Crd;
        }
        return null;
    }

    /// <summary>Serves (or re-serves, after an update) the versions a CRD declares.</summary>
    public void Register(string crdName, ResourceKey key, IReadOnlyList<ResourceDefinition> versions, JsonObject crd)
    {
        lock (_gate)
        {
            _customByCrdName = _customByCrdName.SetItem(crdName, new CustomResource(key, versions, crd));
            Rebuild();
        }
    }

    public void Unregister(string crdName)
    {
        lock (_gate)
        {
            _customByCrdName = _customByCrdName.Remove(crdName);
            Rebuild();
        }
    }

    private void Rebuild()
    {
        var custom = _customByCrdName.Values.OrderBy(c => c.Key.Group, StringComparer.Ordinal).ThenBy(c => c.Key.Plural, StringComparer.Ordinal)
            .SelectMany(c => c.Versions);
        Volatile.Write(ref _all, [.. BuiltInResources.All, .. custom]);
    }

    private sealed record CustomResource(ResourceKey Key, IReadOnlyList<ResourceDefinition> Versions, JsonObject Crd);
}
