namespace Kube.Testing.Storage;

/// <summary>The objects of one resource, kept sorted by <c>namespace/name</c> so lists page and filter by namespace cheaply.</summary>
internal sealed class ResourceCollection
{
    private readonly List<string> _sortedKeys = [];
    private readonly Dictionary<string, StoredObject> _objects = new(StringComparer.Ordinal);

    public int Count => _objects.Count;

    public StoredObject? Get(string collectionKey) => _objects.GetValueOrDefault(collectionKey);

    public void Put(StoredObject obj)
    {
        var key = obj.Key.CollectionKey;
        if (!_objects.ContainsKey(key))
        {
            var index = _sortedKeys.BinarySearch(key, StringComparer.Ordinal);
            _sortedKeys.Insert(~index, key);
        }
        _objects[key] = obj;
    }

    public void Remove(string collectionKey)
    {
        if (!_objects.Remove(collectionKey))
            return;
        var index = _sortedKeys.BinarySearch(collectionKey, StringComparer.Ordinal);
        if (index >= 0)
            _sortedKeys.RemoveAt(index);
    }

    /// <summary>Objects in key order, starting after <paramref name="afterKey"/>, limited to one namespace when given.</summary>
    public IEnumerable<StoredObject> Scan(string? @namespace, string? afterKey)
    {
        var (start, end) = Range(@namespace);
        if (afterKey is not null)
        {
            var index = _sortedKeys.BinarySearch(afterKey, StringComparer.Ordinal);
            start = Math.Max(start, index >= 0 ? index + 1 : ~index);
        }
        for (var i = start; i < end; i++)
            yield return _objects[_sortedKeys[i]];
    }

    /// <summary>How many objects follow position <paramref name="afterKey"/> in the namespace range (for remainingItemCount).</summary>
    public int CountAfter(string? @namespace, string afterKey)
    {
        var (_, end) = Range(@namespace);
        var index = _sortedKeys.BinarySearch(afterKey, StringComparer.Ordinal);
        var next = index >= 0 ? index + 1 : ~index;
        return Math.Max(0, end - next);
    }

    private (int Start, int End) Range(string? @namespace)
    {
        if (@namespace is null)
            return (0, _sortedKeys.Count);
        // '0' sorts right after '/', so [ns/, ns0) is exactly the namespace's keys.
        return (LowerBound(@namespace + "/"), LowerBound(@namespace + "0"));
    }

    private int LowerBound(string key)
    {
        var index = _sortedKeys.BinarySearch(key, StringComparer.Ordinal);
        return index >= 0 ? index : ~index;
    }
}
