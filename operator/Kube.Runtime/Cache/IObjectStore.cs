using Kube.Models;

namespace Kube.Runtime.Cache;

/// <summary>A read-only view of cached objects, the way reconcilers read the world without calling the API server.</summary>
/// <typeparam name="T">The object type.</typeparam>
public interface IObjectStore<T>
    where T : class, IKubernetesObject
{
    /// <summary>The cached object, or null when the cache has none with this key.</summary>
    T? Get(ObjectKey key);

    /// <summary>A snapshot of every cached object.</summary>
    IReadOnlyList<T> List();

    /// <summary>The cached objects whose index <paramref name="indexName"/> produced <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">No indexer of that name was added.</exception>
    IReadOnlyList<T> ByIndex(string indexName, string value);

    int Count { get; }
}
