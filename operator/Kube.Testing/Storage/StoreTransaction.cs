using System.Text.Json.Nodes;
using Kube.Testing.Resources;

namespace Kube.Testing.Storage;

/// <summary>The operations available while holding the store lock; every put and remove gets a new resourceVersion and a watch event.</summary>
internal sealed class StoreTransaction(ObjectStore store)
{
    public long CurrentResourceVersion => store.CurrentResourceVersionUnlocked;

    public StoredObject? Get(ObjectKey key) => store.Collection(key.Resource).Get(key.CollectionKey);

    /// <summary>Stores <paramref name="obj"/> (which the store then owns) under a new resourceVersion.</summary>
    public StoredObject Put(ResourceKey resource, JsonObject obj)
    {
        var rv = store.NextResourceVersion();
        ((JsonObject)obj["metadata"]!)["resourceVersion"] = rv.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var stored = StoredObject.Freeze(resource, obj);
        var collection = store.Collection(resource);
        var previous = collection.Get(stored.Key.CollectionKey);
        collection.Put(stored);
        store.Index(previous, stored);
        store.Publish(new WatchEvent(previous is null ? WatchEvent.Added : WatchEvent.Modified, stored, previous));
        return stored;
    }

    /// <summary>Removes an object; its DELETED event carries the deletion's resourceVersion.</summary>
    public StoredObject? Remove(ObjectKey key)
    {
        var collection = store.Collection(key.Resource);
        var previous = collection.Get(key.CollectionKey);
        if (previous is null)
            return null;
        collection.Remove(key.CollectionKey);
        store.Index(previous, null);
        var final = previous.Clone();
        ((JsonObject)final["metadata"]!)["resourceVersion"] = store.NextResourceVersion().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var deleted = StoredObject.Freeze(key.Resource, final);
        store.Publish(new WatchEvent(WatchEvent.Deleted, deleted, null));
        return deleted;
    }

    public IReadOnlyCollection<ObjectKey> DependentsOf(string ownerUid) => store.DependentsOf(ownerUid);

    public bool UidExists(string uid) => store.UidExists(uid);

    public ObjectKey? KeyOfUid(string uid) => store.KeyOfUid(uid);

    public void CloseWatchers(ResourceKey resource) => store.CloseWatchers(resource);

    /// <summary>Every object of <paramref name="resource"/>, optionally in one namespace (a snapshot, safe to modify the store while iterating).</summary>
    public IReadOnlyList<StoredObject> All(ResourceKey resource, string? @namespace = null) =>
        [.. store.Collection(resource).Scan(@namespace, null)];

    /// <summary>Whether any namespaced object is left in <paramref name="namespace"/>; stops at the first.</summary>
    public bool AnyInNamespace(string @namespace) =>
        store.Collections.Any(c => c.Scan(@namespace, null).Any(o => o.Namespace == @namespace));

    /// <summary>Every namespaced object in <paramref name="namespace"/>, across resources.</summary>
    public IReadOnlyList<StoredObject> AllInNamespace(string @namespace) =>
        [.. store.Collections.SelectMany(c => c.Scan(@namespace, null)).Where(o => o.Namespace == @namespace)];
}
