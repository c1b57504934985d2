using Kube.Testing.Resources;

namespace Kube.Testing.Storage;

/// <summary>
/// All objects of all resources under one lock, with one global, increasing resourceVersion counter,
/// per-resource watch history and watcher fan-out. Writers never block on watchers.
/// </summary>
internal sealed class ObjectStore(int historyLimit, int watcherCapacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<ResourceKey, ResourceCollection> _collections = [];
    private readonly Dictionary<ResourceKey, WatchHistory> _histories = [];
    private readonly Dictionary<ResourceKey, List<Watcher>> _watchers = [];
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependentsByOwnerUid = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ObjectKey> _keysByUid = new(StringComparer.Ordinal);
    private long _resourceVersion;
    private long _compactedAt;

    public long CurrentResourceVersion
    {
        get { lock (_gate) return _resourceVersion; }
    }

    public StoredObject? Get(ObjectKey key)
    {
        lock (_gate)
            return Collection(key.Resource).Get(key.CollectionKey);
    }

    /// <summary>Runs <paramref name="work"/> atomically: no other write or watch registration interleaves.</summary>
    public T Write<T>(Func<StoreTransaction, T> work)
    {
        lock (_gate)
            return work(new StoreTransaction(this));
    }

    /// <summary>One page of matching objects in key order, with the list's resourceVersion.</summary>
    public ListPage List(ResourceKey resource, WatchFilter filter, string? afterKey, int limit)
    {
        lock (_gate)
        {
            var collection = Collection(resource);
            var items = new List<StoredObject>();
            string? lastKey = null;
            var more = false;
            foreach (var obj in collection.Scan(filter.Namespace, afterKey))
            {
                if (!filter.Matches(obj))
                    continue;
                if (limit > 0 && items.Count == limit)
                {
                    more = true;
                    break;
                }
                items.Add(obj);
                lastKey = obj.Key.CollectionKey;
            }
            int? remaining = null;
            var unfiltered = filter.Labels.Requirements.Count == 0 && filter.Fields.Requirements.Count == 0;
            if (more && unfiltered && lastKey is not null)
                remaining = collection.CountAfter(filter.Namespace, lastKey);
            return new ListPage(items, _resourceVersion, more ? lastKey : null, remaining);
        }
    }

    /// <summary>
    /// Opens a watch. With no <paramref name="fromResourceVersion"/> the current objects are replayed as ADDED first;
    /// otherwise the kept history after it. Returns the oldest resumable version instead when history is gone.
    /// </summary>
    public (Watcher? Watcher, long Floor) Watch(ResourceKey resource, WatchFilter filter, long? fromResourceVersion)
    {
        lock (_gate)
        {
            var history = History(resource);
            List<WatchEvent> initial;
            if (fromResourceVersion is { } from)
            {
                if (from < history.Floor)
                    return (null, history.Floor);
                initial = [.. history.After(from).Select(filter.Translate).OfType<WatchEvent>()];
            }
            else
            {
                initial = [.. Collection(resource).Scan(filter.Namespace, null).Where(filter.Matches)
                    .Select(o => new WatchEvent(WatchEvent.Added, o, null))];
            }
            var watcher = new Watcher(filter, initial, watcherCapacity);
            Watchers(resource).Add(watcher);
            return (watcher, history.Floor);
        }
    }

    public void Unwatch(ResourceKey resource, Watcher watcher)
    {
        lock (_gate)
            Watchers(resource).Remove(watcher);
        watcher.Close();
    }

    /// <summary>Forgets all history: watches from any older resourceVersion now get 410 Gone.</summary>
    public void Compact()
    {
        lock (_gate)
        {
            _compactedAt = _resourceVersion;
            foreach (var history in _histories.Values)
                history.Compact(_resourceVersion);
        }
    }

    internal ResourceCollection Collection(ResourceKey resource)
    {
        if (!_collections.TryGetValue(resource, out var collection))
            _collections[resource] = collection = new ResourceCollection();
        return collection;
    }

    internal IEnumerable<ResourceCollection> Collections => _collections.Values;

    internal long NextResourceVersion() => ++_resourceVersion;

    internal long CurrentResourceVersionUnlocked => _resourceVersion;

    internal void Publish(WatchEvent change)
    {
        History(change.Object.Resource).Record(change);
        if (_watchers.TryGetValue(change.Object.Resource, out var watchers))
        {
            foreach (var watcher in watchers)
                watcher.Offer(change);
            watchers.RemoveAll(w => w.Overflowed);
        }
    }

    internal void Index(StoredObject? previous, StoredObject? current)
    {
        if (previous is not null)
        {
            _keysByUid.Remove(previous.Uid);
            foreach (var owner in previous.OwnerUids)
            {
                if (_dependentsByOwnerUid.TryGetValue(owner, out var set) && set.Remove(previous.Key) && set.Count == 0)
                    _dependentsByOwnerUid.Remove(owner);
            }
        }
        if (current is not null)
        {
            _keysByUid[current.Uid] = current.Key;
            foreach (var owner in current.OwnerUids)
            {
                if (!_dependentsByOwnerUid.TryGetValue(owner, out var set))
                    _dependentsByOwnerUid[owner] = set = [];
                set.Add(current.Key);
            }
        }
    }

    /// <summary>Ends every watch of a resource that stopped being served (its CRD was deleted).</summary>
    internal void CloseWatchers(ResourceKey resource)
    {
        if (_watchers.Remove(resource, out var watchers))
        {
            foreach (var watcher in watchers)
                watcher.Close();
        }
    }

    internal IReadOnlyCollection<ObjectKey> DependentsOf(string ownerUid) =>
        _dependentsByOwnerUid.TryGetValue(ownerUid, out var set) ? [.. set] : [];

    internal bool UidExists(string uid) => _keysByUid.ContainsKey(uid);

    internal ObjectKey? KeyOfUid(string uid) => _keysByUid.TryGetValue(uid, out var key) ? key : null;

    private WatchHistory History(ResourceKey resource)
    {
        if (!_histories.TryGetValue(resource, out var history))
        {
            _histories[resource] = history = new WatchHistory(historyLimit);
            history.Compact(_compactedAt);
        }
        return history;
    }

    private List<Watcher> Watchers(ResourceKey resource)
    {
        if (!_watchers.TryGetValue(resource, out var list))
            _watchers[resource] = list = [];
        return list;
    }
}
