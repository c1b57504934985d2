using System.Text.Json.Nodes;
using Kube.Testing.Resources;
using Kube.Testing.Storage;

namespace Kube.Testing.Server;

/// <summary>
/// Runs the middle of the write path in Kubernetes' order: mutating admission, then schema defaulting,
/// pruning and validation, then validating admission.
/// </summary>
internal sealed class AdmissionStep(ObjectStore store, WriteHooks hooks, ResourceRegistry registry)
{
    public ResourceContext Context(RequestTarget target) =>
        new(target.Resource.Group, target.Resource.Version, target.Resource.Kind, target.Resource.Plural, target.Resource.Namespaced, target.Subresource);

    public IResourceSchema Schema(RequestTarget target) =>
        hooks.Schemas.For(Context(target), target.Resource.IsCustom ? registry.CrdFor(target.Resource.Key) : null);

    public async Task<JsonObject> AdmitAsync(
        RequestTarget target, IResourceSchema schema, string operation, JsonObject candidate, JsonObject? old,
        WriteOptions options, List<string> warnings, CancellationToken cancellationToken)
    {
        var dryRun = options.DryRun;
        var context = Context(target);
        var name = candidate["metadata"]?["name"]?.ToString();
        var ns = target.Resource.Namespaced ? target.Namespace : null;
        var mutating = await hooks.Admission.AdmitAsync(
            new AdmissionAttributes(context, operation, ns, name, candidate, old, dryRun, Configurations(BuiltInResources.MutatingWebhooks), []),
            cancellationToken);
        Check(mutating, warnings);
        candidate = mutating.Object ?? candidate;

        schema.ApplyDefaults(candidate);
        var beforePrune = options.FieldValidation == FieldValidation.Ignore ? null : candidate.DeepClone().AsObject();
        schema.Prune(candidate);
        if (beforePrune is not null)
            ReportUnknownFields(UnknownFields.Between(beforePrune, candidate), options.FieldValidation, warnings);
        var errors = new List<FieldError>(MetadataRules.Validate(target.Resource, candidate));
        errors.AddRange(schema.Validate(candidate, old));
        if (target.Resource.Key == BuiltInResources.CustomResourceDefinitions)
        {
            errors.AddRange(CustomResourceDefinitions.Validate(candidate));
            errors.AddRange(Kube.Testing.Schema.SchemaProvider.ValidateDefinition(candidate));
        }
        if (errors.Count > 0)
            throw StatusErrors.Invalid(target.Resource, name ?? "", errors);

        var validating = await hooks.Admission.AdmitAsync(
            new AdmissionAttributes(context, operation, ns, name, candidate, old, dryRun, [], Configurations(BuiltInResources.ValidatingWebhooks)),
            cancellationToken);
        Check(validating, warnings);
        return candidate;
    }

    public async Task AdmitDeleteAsync(RequestTarget target, JsonObject old, bool dryRun, List<string> warnings, CancellationToken cancellationToken)
    {
        var result = await hooks.Admission.AdmitAsync(
            new AdmissionAttributes(Context(target), "DELETE", target.Namespace, target.Name, null, old, dryRun,
                Configurations(BuiltInResources.MutatingWebhooks), Configurations(BuiltInResources.ValidatingWebhooks)),
            cancellationToken);
        Check(result, warnings);
    }

    /// <summary>Fields the schema pruned were unknown: Strict rejects them (400), Warn reports each in a Warning header.</summary>
    private static void ReportUnknownFields(IReadOnlyList<string> unknown, FieldValidation validation, List<string> warnings)
    {
        if (unknown.Count == 0)
            return;
        var described = unknown.Select(f => $"unknown field \"{f}\"").ToList();
        if (validation == FieldValidation.Strict)
            throw StatusErrors.BadRequest("strict decoding error: " + string.Join(", ", described));
        warnings.AddRange(described);
    }

    private static void Check(AdmissionResult result, List<string> warnings)
    {
        warnings.AddRange(result.Warnings);
        if (!result.Allowed)
            throw StatusErrors.AdmissionDenied(result.Code is >= 400 ? result.Code : 403, result.Message ?? "admission denied the request");
    }

    private List<JsonObject> Configurations(ResourceKey resource) =>
        [.. store.List(resource, WatchFilterDefaults.Everything, null, 0).Items.Select(o => o.Clone())];
}
