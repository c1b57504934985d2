using System.Text.Json.Nodes;
using Kube.Testing.Resources;
using Kube.Testing.Storage;

namespace Kube.Testing.Lifecycle;

/// <summary>
/// What follows a write or a delete inside the store transaction: finalizers and deletionTimestamp,
/// ownerReference garbage collection, namespace termination and CRD (un)registration.
/// The garbage collector runs synchronously here, where Kubernetes runs it a moment later.
/// </summary>
internal sealed class ObjectLifecycle(ResourceRegistry registry, TimeProvider clock)
{
    public const string ForegroundFinalizer = "foregroundDeletion";

    /// <summary>Called after every put: finishes deletions whose last finalizer went, and serves CRDs.</summary>
    public void AfterPut(StoreTransaction tx, StoredObject stored)
    {
        if (stored.IsDeleting && stored.Finalizers.Count == 0)
        {
            Remove(tx, stored.Key);
            return;
        }
        if (stored.Resource == BuiltInResources.CustomResourceDefinitions && !stored.IsDeleting)
            registry.Register(stored.Name, CustomResourceDefinitions.KeyOf(stored.Object), CustomResourceDefinitions.ServedVersions(stored.Object), stored.Clone());
    }

    /// <summary>
    /// Deletes an object: marks it when finalizers (or foreground dependents) hold it, otherwise removes it.
    /// Returns the object as it stays (still present) or as it was removed.
    /// </summary>
    public (StoredObject Object, bool Removed) Delete(StoreTransaction tx, ObjectKey key, PropagationPolicy policy)
    {
        var current = tx.Get(key) ?? throw new InvalidOperationException($"{key} vanished inside its transaction");
        if (policy == PropagationPolicy.Orphan)
            Orphan(tx, current.Uid);
        var finalizers = current.Finalizers.ToList();
        var foreground = policy == PropagationPolicy.Foreground && tx.DependentsOf(current.Uid).Count > 0;
        if (foreground && !finalizers.Contains(ForegroundFinalizer))
            finalizers.Add(ForegroundFinalizer);
        var holdsNamespace = key.Resource == BuiltInResources.Namespaces && tx.AnyInNamespace(key.Name);

        if (finalizers.Count == 0 && !holdsNamespace)
            return (Remove(tx, key)!, true);

        if (current.IsDeleting && finalizers.SequenceEqual(current.Finalizers))
            return (current, false);
        var marked = current.Clone();
        var metadata = ObjectMetadata.Of(marked);
        metadata["deletionTimestamp"] ??= ObjectMetadata.Timestamp(clock.GetUtcNow());
        metadata["deletionGracePeriodSeconds"] ??= 0;
        ObjectMetadata.SetFinalizers(marked, finalizers);
        if (key.Resource == BuiltInResources.Namespaces)
            marked["status"] = new JsonObject { ["phase"] = "Terminating" };
        var stored = tx.Put(key.Resource, marked);

        if (foreground)
        {
            foreach (var dependent in tx.DependentsOf(current.Uid))
            {
                if (tx.Get(dependent) is { IsDeleting: false })
                    Delete(tx, dependent, PropagationPolicy.Background);
            }
            ReleaseForegroundOwner(tx, key);
        }
        if (holdsNamespace)
        {
            foreach (var content in tx.AllInNamespace(key.Name))
            {
                if (tx.Get(content.Key) is { IsDeleting: false })
                    Delete(tx, content.Key, PropagationPolicy.Background);
            }
            FinishNamespaceIfEmpty(tx, key.Name);
        }
        return (tx.Get(key) ?? stored, tx.Get(key) is null);
    }

    private StoredObject? Remove(StoreTransaction tx, ObjectKey key)
    {
        var removed = tx.Remove(key);
        if (removed is null)
            return null;
        CollectDependents(tx, removed);
        foreach (var ownerUid in removed.OwnerUids)
        {
            if (tx.KeyOfUid(ownerUid) is { } owner)
                ReleaseForegroundOwner(tx, owner);
        }
        if (removed.Resource == BuiltInResources.CustomResourceDefinitions)
            RemoveCustomResources(tx, removed);
        if (removed.Namespace is not null)
            FinishNamespaceIfEmpty(tx, removed.Namespace);
        return removed;
    }

    /// <summary>Background collection: a dependent whose owners are all gone is deleted; otherwise only the dangling reference goes.</summary>
    private void CollectDependents(StoreTransaction tx, StoredObject owner)
    {
        foreach (var dependentKey in tx.DependentsOf(owner.Uid))
        {
            if (tx.Get(dependentKey) is not { } dependent)
                continue;
            if (dependent.OwnerUids.Any(uid => uid != owner.Uid && tx.UidExists(uid)))
                DropOwnerReference(tx, dependent, owner.Uid);
            else if (!dependent.IsDeleting)
                Delete(tx, dependentKey, PropagationPolicy.Background);
        }
    }

    private void Orphan(StoreTransaction tx, string ownerUid)
    {
        foreach (var dependentKey in tx.DependentsOf(ownerUid))
        {
            if (tx.Get(dependentKey) is { } dependent)
                DropOwnerReference(tx, dependent, ownerUid);
        }
    }

    private void DropOwnerReference(StoreTransaction tx, StoredObject dependent, string ownerUid)
    {
        var copy = dependent.Clone();
        var metadata = ObjectMetadata.Of(copy);
        if (metadata["ownerReferences"] is JsonArray references)
        {
            var kept = references.Where(r => r?["uid"]?.ToString() != ownerUid).Select(r => r!.DeepClone()).ToArray();
            if (kept.Length == 0)
                metadata.Remove("ownerReferences");
            else
                metadata["ownerReferences"] = new JsonArray(kept);
        }
        AfterPut(tx, tx.Put(dependent.Resource, copy));
    }

    /// <summary>An owner deleting in the foreground goes once its last dependent is gone.</summary>
    private void ReleaseForegroundOwner(StoreTransaction tx, ObjectKey ownerKey)
    {
        if (tx.Get(ownerKey) is not { IsDeleting: true } owner || !owner.Finalizers.Contains(ForegroundFinalizer))
            return;
        if (tx.DependentsOf(owner.Uid).Count > 0)
            return;
        var copy = owner.Clone();
        ObjectMetadata.SetFinalizers(copy, [.. owner.Finalizers.Where(f => f != ForegroundFinalizer)]);
        AfterPut(tx, tx.Put(ownerKey.Resource, copy));
    }

    private void FinishNamespaceIfEmpty(StoreTransaction tx, string @namespace)
    {
        var key = new ObjectKey(BuiltInResources.Namespaces, null, @namespace);
        if (tx.Get(key) is { IsDeleting: true } ns && ns.Finalizers.Count == 0 && !tx.AnyInNamespace(@namespace))
            Remove(tx, key);
    }

    private void RemoveCustomResources(StoreTransaction tx, StoredObject crd)
    {
        var resource = CustomResourceDefinitions.KeyOf(crd.Object);
        foreach (var obj in tx.All(resource))
            Remove(tx, obj.Key);
        tx.CloseWatchers(resource);
        registry.Unregister(crd.Name);
    }
}
