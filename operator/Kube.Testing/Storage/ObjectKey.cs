using Kube.Testing.Resources;

namespace Kube.Testing.Storage;

/// <summary>Where an object lives: resource, namespace (null when cluster-scoped) and name.</summary>
internal readonly record struct ObjectKey(ResourceKey Resource, string? Namespace, string Name)
{
    /// <summary>The sort key inside a collection: <c>namespace/name</c>, so one namespace is one contiguous range.</summary>
    public string CollectionKey => Namespace is null ? Name : $"{Namespace}/{Name}";
}
