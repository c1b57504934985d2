using System.Text.Json.Nodes;

namespace Kube.Testing.Server;

/// <summary>What a request targets, as the write hooks need to know it.</summary>
internal sealed record ResourceContext(string Group, string Version, string Kind, string Plural, bool Namespaced, string? Subresource)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";
}

/// <summary>The hooks the write path calls, composed once when the server starts.</summary>
internal sealed record WriteHooks(IFieldManager FieldManager, ISchemaProvider Schemas, IAdmissionChain Admission);

/// <summary>Server-side apply and managed-fields bookkeeping.</summary>
internal interface IFieldManager
{
    /// <summary>
    /// Merges an apply configuration into the live object (null when the apply creates it) and records
    /// <paramref name="manager"/>'s ownership; fields the manager applied before and dropped now are removed.
    /// Returns conflicts instead of an object when another manager owns a changed field and <paramref name="force"/> is false.
    /// </summary>
    FieldManagerResult Apply(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now);

    /// <summary>Records ownership for a create, update or non-apply patch made by <paramref name="manager"/>.</summary>
    JsonObject Update(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject updated, string manager, DateTimeOffset now);
}

/// <summary>The outcome of an apply: the merged object, or the conflicts that stopped it.</summary>
internal sealed record FieldManagerResult(JsonObject? Object, IReadOnlyList<FieldConflict> Conflicts);

/// <summary>A field another manager owns with a different value, e.g. <c>.spec.replicas</c> owned by <c>kubectl-edit</c>.</summary>
/// <param name="Manager">The manager that owns the field.</param>
/// <param name="Field">The field path as Kubernetes prints it.</param>
/// <param name="UsingApiVersion">Set when the owner wrote the field by an Update (not an Apply): Kubernetes names its apiVersion.</param>
internal sealed record FieldConflict(string Manager, string Field, string? UsingApiVersion = null)
{
    /// <summary>How Kubernetes names the owner in a conflict: <c>conflict with "kubectl-edit" using apps/v1</c>.</summary>
    public string Description => UsingApiVersion is null ? $"conflict with \"{Manager}\"" : $"conflict with \"{Manager}\" using {UsingApiVersion}";
}

/// <summary>Finds the structure of a served resource: a CRD's schema, or what is known of a built-in kind.</summary>
internal interface ISchemaProvider
{
    /// <summary>The schema for a resource; <paramref name="crd"/> is the CustomResourceDefinition when the resource is custom.</summary>
    IResourceSchema For(ResourceContext resource, JsonObject? crd);
}

/// <summary>Validation, defaulting, pruning and list semantics of one resource version.</summary>
internal interface IResourceSchema
{
    void ApplyDefaults(JsonObject obj);

    /// <summary>Drops fields the schema does not declare (unless it preserves unknown fields).</summary>
    void Prune(JsonObject obj);

    /// <summary>All errors, not only the first; <paramref name="old"/> is set on updates (for transition rules).</summary>
    IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old);

    /// <summary>The keys of a list whose items merge by key (<c>x-kubernetes-list-type: map</c>), or null for an atomic list.</summary>
    /// <param name="path">Field names from the object root, e.g. <c>["spec","template","spec","containers"]</c>.</param>
    IReadOnlyList<string>? ListMapKeys(IReadOnlyList<string> path);

    /// <summary>Whether a list is a set of scalars (<c>x-kubernetes-list-type: set</c>) whose items are owned one by one.</summary>
    bool IsSetList(IReadOnlyList<string> path) => false;

    /// <summary>Whether a map is replaced whole on apply (<c>x-kubernetes-map-type: atomic</c>).</summary>
    bool IsAtomicMap(IReadOnlyList<string> path) => false;

    /// <summary>Whether <c>status</c> is written only through the status subresource (so main-resource writes leave it alone).</summary>
    bool HasStatusSubresource => false;
}

/// <summary>One invalid field, as Kubernetes reports it in a 422's causes (reason e.g. <c>FieldValueInvalid</c>).</summary>
internal sealed record FieldError(string Field, string Reason, string Message);

/// <summary>Calls the registered mutating, then validating, admission webhooks.</summary>
internal interface IAdmissionChain
{
    Task<AdmissionResult> AdmitAsync(AdmissionAttributes attributes, CancellationToken cancellationToken);
}

/// <summary>Everything an AdmissionReview request needs; Operation is CREATE, UPDATE, DELETE or CONNECT.</summary>
internal sealed record AdmissionAttributes(
    ResourceContext Resource,
    string Operation,
    string? Namespace,
    string? Name,
    JsonObject? Object,
    JsonObject? OldObject,
    bool DryRun,
    IReadOnlyList<JsonObject> MutatingWebhookConfigurations,
    IReadOnlyList<JsonObject> ValidatingWebhookConfigurations);

/// <summary>The verdict: allowed with a possibly mutated object, or denied with the code and message to return.</summary>
internal sealed record AdmissionResult(bool Allowed, JsonObject? Object, int Code, string? Message, IReadOnlyList<string> Warnings);
