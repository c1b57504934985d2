using Kube.Models;

namespace Kube.Runtime.Cache;

/// <summary>Names one object: <c>namespace/name</c>, or just <c>name</c> for cluster-scoped objects.</summary>
/// <param name="Namespace">The namespace; null or empty for cluster-scoped objects.</param>
/// <param name="Name">The object name.</param>
public readonly record struct ObjectKey(string? Namespace, string Name)
{
    /// <summary>The key of an object from its metadata.</summary>
    public static ObjectKey From(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var name = obj.Metadata.Name;
        if (string.IsNullOrEmpty(name))
        {
            throw new ArgumentException(
                $"metadata.name is empty on a {obj.Kind ?? "object"}; an object in the cache needs a name.", nameof(obj));
        }

        return new ObjectKey(string.IsNullOrEmpty(obj.Metadata.Namespace) ? null : obj.Metadata.Namespace, name);
    }

    /// <summary>Parses <c>namespace/name</c> or <c>name</c>.</summary>
    public static ObjectKey Parse(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? new ObjectKey(null, key) : new ObjectKey(key[..slash], key[(slash + 1)..]);
    }

    public override string ToString() => string.IsNullOrEmpty(Namespace) ? Name : $"{Namespace}/{Name}";
}
