using System.Text.Json.Nodes;
using Kube.Testing.Lifecycle;
using Kube.Testing.Resources;
using Kube.Testing.Storage;

namespace Kube.Testing.Server;

/// <summary>
/// Every write goes through here, in Kubernetes' order: compute the new object (body, patch or apply),
/// keep what the subresource protects, admit and validate, record the field manager, then commit with an
/// optimistic-concurrency check (retried when the caller gave no resourceVersion, a 409 when they did).
/// </summary>
internal sealed class WritePipeline(ObjectStore store, ObjectLifecycle lifecycle, AdmissionStep admission, WriteHooks hooks, TimeProvider clock)
{
    private const int MaxAttempts = 16;

    public Task<WriteResult> CreateAsync(RequestTarget target, JsonObject body, WriteOptions options, CancellationToken cancellationToken) =>
        CreateCoreAsync(target, body, options, applied: false, cancellationToken);

    public Task<WriteResult> UpdateAsync(RequestTarget target, JsonObject body, WriteOptions options, CancellationToken cancellationToken)
    {
        var expected = ObjectMetadata.String(body, "resourceVersion");
        return MutateAsync(target, options, "UPDATE", isApply: false, precondition: string.IsNullOrEmpty(expected) ? null : expected,
            live => body.DeepClone().AsObject(), cancellationToken);
    }

    /// <summary>Applies <paramref name="patch"/> to a private copy of the live object.</summary>
    public Task<WriteResult> PatchAsync(RequestTarget target, Func<JsonObject, IResourceSchema, JsonObject> patch, WriteOptions options, CancellationToken cancellationToken)
    {
        var schema = admission.Schema(target);
        return MutateAsync(target, options, "UPDATE", isApply: false, precondition: null, live => patch(live, schema), cancellationToken);
    }

    public async Task<WriteResult> ApplyAsync(RequestTarget target, JsonObject applied, WriteOptions options, CancellationToken cancellationToken)
    {
        var schema = admission.Schema(target);
        var context = admission.Context(target);
        JsonObject Merge(JsonObject? live)
        {
            var result = hooks.FieldManager.Apply(context, schema, live, applied, options.FieldManager, options.Force, clock.GetUtcNow());
            if (result.Conflicts.Count > 0 || result.Object is null)
                throw StatusErrors.ApplyConflict(target.Resource, target.Name!, result.Conflicts);
            return result.Object;
        }

        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            if (store.Get(KeyOf(target)) is not null)
                return await MutateAsync(target, options, "UPDATE", isApply: true, precondition: null, Merge, cancellationToken);
            if (target.Subresource is not null)
                throw StatusErrors.NotFound(target.Resource, target.Name!);
            try
            {
                return await CreateCoreAsync(target, Merge(null), options, applied: true, cancellationToken);
            }
            catch (ApiException e) when (e.Status["reason"]?.ToString() == "AlreadyExists")
            {
                // Someone created it meanwhile: apply onto theirs.
            }
        }
        throw StatusErrors.Conflict(target.Resource, target.Name!);
    }

    public async Task<WriteResult> DeleteAsync(RequestTarget target, DeletePreconditions preconditions, WriteOptions options, CancellationToken cancellationToken)
    {
        var key = KeyOf(target);
        var live = store.Get(key) ?? throw StatusErrors.NotFound(target.Resource, target.Name!);
        if (key.Resource == BuiltInResources.Namespaces && key.Name is "default" or "kube-system" or "kube-public")
            throw StatusErrors.Forbidden(target.Resource, key.Name, "this namespace may not be deleted");
        CheckPreconditions(target, live, preconditions);
        var warnings = new List<string>();
        await admission.AdmitDeleteAsync(target, live.Clone(), options.DryRun, warnings, cancellationToken);
        if (options.DryRun)
            return new WriteResult(live, 200, warnings);
        var (obj, removed) = store.Write(tx =>
        {
            var current = tx.Get(key) ?? throw StatusErrors.NotFound(target.Resource, target.Name!);
            CheckPreconditions(target, current, preconditions);
            return lifecycle.Delete(tx, key, options.Propagation ?? PropagationPolicy.Background);
        });
        return new WriteResult(obj, removed ? 200 : 202, warnings);
    }

    private async Task<WriteResult> CreateCoreAsync(RequestTarget target, JsonObject body, WriteOptions options, bool applied, CancellationToken cancellationToken)
    {
        var resource = target.Resource;
        if (target.Subresource is not null)
            throw StatusErrors.MethodNotAllowed($"the server does not allow this method on the requested resource");
        var obj = body.DeepClone().AsObject();
        obj["apiVersion"] = resource.ApiVersion;
        obj["kind"] = resource.Kind;
        var metadata = ObjectMetadata.Of(obj);
        var generateName = ObjectMetadata.String(obj, "generateName");
        if (string.IsNullOrEmpty(ObjectMetadata.String(obj, "name")) && !string.IsNullOrEmpty(generateName))
            metadata["name"] = NameGenerator.Generate(generateName);
        if (resource.Namespaced)
            metadata["namespace"] = target.Namespace;
        else
            metadata.Remove("namespace");
        var now = clock.GetUtcNow();
        metadata["uid"] = Guid.NewGuid().ToString();
        metadata["creationTimestamp"] = ObjectMetadata.Timestamp(now);
        metadata["generation"] = 1;
        foreach (var field in new[] { "resourceVersion", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink" })
            metadata.Remove(field);
        if (resource.HasStatus)
            obj.Remove("status");
        if (resource.Namespaced)
            store.Write(tx => { EnsureNamespaceAccepts(tx, target, metadata["name"]?.ToString() ?? ""); return 0; });

        var warnings = new List<string>();
        var schema = admission.Schema(target);
        var candidate = await admission.AdmitAsync(target, schema, "CREATE", obj, null, options, warnings, cancellationToken);
        if (!applied)
            candidate = hooks.FieldManager.Update(admission.Context(target), schema, null, candidate, options.FieldManager, now);
        ResourceStrategies.BeforeCommit(resource, candidate, ObjectMetadata.Timestamp(now));
        if (options.DryRun)
            return new WriteResult(StoredObject.Freeze(resource.Key, candidate), 201, warnings);

        var stored = store.Write(tx =>
        {
            if (resource.Namespaced)
                EnsureNamespaceAccepts(tx, target, candidate["metadata"]!["name"]!.ToString());
            var key = new ObjectKey(resource.Key, resource.Namespaced ? target.Namespace : null, candidate["metadata"]!["name"]!.ToString());
            while (tx.Get(key) is not null)
            {
                if (string.IsNullOrEmpty(generateName) || !string.IsNullOrEmpty(ObjectMetadata.String(body, "name")))
                    throw StatusErrors.AlreadyExists(resource, key.Name);
                key = key with { Name = NameGenerator.Generate(generateName) };
                candidate["metadata"]!["name"] = key.Name;
            }
            var put = tx.Put(resource.Key, candidate);
            lifecycle.AfterPut(tx, put);
            return put;
        });
        return new WriteResult(stored, 201, warnings);
    }

    private async Task<WriteResult> MutateAsync(
        RequestTarget target, WriteOptions options, string operation, bool isApply, string? precondition,
        Func<JsonObject, JsonObject> compute, CancellationToken cancellationToken)
    {
        var key = KeyOf(target);
        var resource = target.Resource;
        var schema = admission.Schema(target);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var live = store.Get(key) ?? throw StatusErrors.NotFound(resource, target.Name!);
            if (precondition is not null && precondition != live.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
                throw StatusErrors.Conflict(resource, target.Name!);
            var old = live.Clone();
            var candidate = compute(live.Clone());
            var patchedVersion = ObjectMetadata.String(candidate, "resourceVersion");
            if (!string.IsNullOrEmpty(patchedVersion) && patchedVersion != ObjectMetadata.String(old, "resourceVersion"))
                throw StatusErrors.Conflict(resource, target.Name!);
            candidate = SubresourceRules.Apply(target, old, candidate, keepManagedFieldsOf: candidate);
            SubresourceRules.CarryServerMetadata(old, candidate);
            SubresourceRules.CheckFinalizers(resource, live, candidate);

            var warnings = new List<string>();
            var now = clock.GetUtcNow();
            candidate = await admission.AdmitAsync(target, schema, operation, candidate, old, options, warnings, cancellationToken);
            if (!isApply)
                candidate = hooks.FieldManager.Update(admission.Context(target), schema, old, candidate, options.FieldManager, now);
            SubresourceRules.BumpGeneration(resource, old, candidate);
            if (target.Subresource is null)
                ResourceStrategies.BeforeCommit(resource, candidate, ObjectMetadata.Timestamp(now));
            if (SubresourceRules.Unchanged(old, candidate))
                return new WriteResult(live, 200, warnings);
            if (options.DryRun)
                return new WriteResult(StoredObject.Freeze(resource.Key, candidate), 200, warnings);

            var stored = store.Write<StoredObject?>(tx =>
            {
                var current = tx.Get(key) ?? throw StatusErrors.NotFound(resource, target.Name!);
                if (current.ResourceVersion != live.ResourceVersion)
                    return precondition is null ? null : throw StatusErrors.Conflict(resource, target.Name!);
                var put = tx.Put(resource.Key, candidate);
                lifecycle.AfterPut(tx, put);
                return put;
            });
            if (stored is not null)
                return new WriteResult(stored, 200, warnings);
        }
        throw StatusErrors.Conflict(resource, target.Name!);
    }

    private static void EnsureNamespaceAccepts(StoreTransaction tx, RequestTarget target, string name)
    {
        var ns = tx.Get(new ObjectKey(BuiltInResources.Namespaces, null, target.Namespace!));
        if (ns is null)
            throw StatusErrors.NamespaceNotFound(target.Namespace!);
        if (ns.IsDeleting)
            throw StatusErrors.Forbidden(target.Resource, name, $"unable to create new content in namespace {target.Namespace} because it is being terminated");
    }

    private static void CheckPreconditions(RequestTarget target, StoredObject live, DeletePreconditions preconditions)
    {
        if (!string.IsNullOrEmpty(preconditions.Uid) && preconditions.Uid != live.Uid)
            throw StatusErrors.PreconditionFailed(target.Resource, live.Name, $"Precondition failed: UID in precondition: {preconditions.Uid}, UID in object meta: {live.Uid}");
        var rv = live.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (!string.IsNullOrEmpty(preconditions.ResourceVersion) && preconditions.ResourceVersion != rv)
            throw StatusErrors.PreconditionFailed(target.Resource, live.Name, $"Precondition failed: ResourceVersion in precondition: {preconditions.ResourceVersion}, ResourceVersion in object meta: {rv}");
    }

    private static ObjectKey KeyOf(RequestTarget target) =>
        new(target.Resource.Key, target.Resource.Namespaced ? target.Namespace : null, target.Name!);
}
