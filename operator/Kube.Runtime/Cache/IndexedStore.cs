using Kube.Models;

namespace Kube.Runtime.Cache;

/// <summary>A thread-safe map of objects keyed by <c>namespace/name</c>, with named secondary indexes.</summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed class IndexedStore<T> : IObjectStore<T>
    where T : class, IKubernetesObject
{
    private readonly Lock sync = new();
    private readonly Dictionary<ObjectKey, T> items = [];
    private readonly Dictionary<string, IndexFunction<T>> indexers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Dictionary<string, HashSet<ObjectKey>>> indexes = new(StringComparer.Ordinal);

    public int Count
    {
        get
        {
            lock (sync)
            {
                return items.Count;
            }
        }
    }

    /// <summary>Adds a named index and indexes the objects already stored.</summary>
    /// <exception cref="ArgumentException">An indexer with that name exists.</exception>
    public void AddIndexer(string name, IndexFunction<T> index)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(index);
        lock (sync)
        {
            if (!indexers.TryAdd(name, index))
            {
                throw new ArgumentException($"An indexer named '{name}' is already registered; choose another name.", nameof(name));
            }

            indexes[name] = new Dictionary<string, HashSet<ObjectKey>>(StringComparer.Ordinal);
            foreach (var (key, obj) in items)
            {
                AddToIndex(name, index, key, obj);
            }
        }
    }

    public T? Get(ObjectKey key)
    {
        lock (sync)
        {
            return items.GetValueOrDefault(key);
        }
    }

    public IReadOnlyList<T> List()
    {
        lock (sync)
        {
            return [.. items.Values];
        }
    }

    public IReadOnlyList<T> ByIndex(string indexName, string value)
    {
        lock (sync)
        {
            if (!indexes.TryGetValue(indexName, out var index))
            {
                throw new ArgumentException(
                    $"No indexer named '{indexName}'; add it with AddIndexer before reading it. Known: {string.Join(", ", indexers.Keys)}.",
                    nameof(indexName));
            }

            return index.TryGetValue(value, out var keys) ? [.. keys.Select(key => items[key])] : [];
        }
    }

    /// <summary>Stores the object, replacing any with the same key; returns the replaced one.</summary>
    public T? Upsert(T obj)
    {
        var key = ObjectKey.From(obj);
        lock (sync)
        {
            var old = RemoveLocked(key);
            items[key] = obj;
            foreach (var (name, index) in indexers)
            {
                AddToIndex(name, index, key, obj);
            }

            return old;
        }
    }

    /// <summary>Removes the object with this key; returns it, or null when there was none.</summary>
    public T? Delete(ObjectKey key)
    {
        lock (sync)
        {
            return RemoveLocked(key);
        }
    }

    /// <summary>Replaces the whole content, as a relist does; returns what was stored before.</summary>
    public IReadOnlyDictionary<ObjectKey, T> Replace(IEnumerable<T> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var fresh = objects.ToDictionary(ObjectKey.From);
        lock (sync)
        {
            var previous = new Dictionary<ObjectKey, T>(items);
            items.Clear();
            foreach (var index in indexes.Values)
            {
                index.Clear();
            }

            foreach (var (key, obj) in fresh)
            {
                items[key] = obj;
                foreach (var (name, index) in indexers)
                {
                    AddToIndex(name, index, key, obj);
                }
            }

            return previous;
        }
    }

    private T? RemoveLocked(ObjectKey key)
    {
        if (!items.Remove(key, out var old))
        {
            return null;
        }

        foreach (var (name, index) in indexers)
        {
            var byValue = indexes[name];
            foreach (var value in index(old))
            {
                // Drop emptied buckets so index memory follows the live objects, not history.
                if (byValue.TryGetValue(value, out var keys) && keys.Remove(key) && keys.Count == 0)
                {
                    byValue.Remove(value);
                }
            }
        }

        return old;
    }

    private void AddToIndex(string name, IndexFunction<T> index, ObjectKey key, T obj)
    {
        var byValue = indexes[name];
        foreach (var value in index(obj))
        {
            if (!byValue.TryGetValue(value, out var keys))
            {
                keys = [];
                byValue[value] = keys;
            }

            keys.Add(key);
        }
    }
}
