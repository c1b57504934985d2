using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Validation;
using Paas.Webhook.Defaulting;
using Paas.Webhook.Lookup;

namespace Paas.Webhook.Admission;

/// <summary>
/// Answers AdmissionRequests for the four paas.dev kinds: validation with every error in one answer, and defaulting.
/// Exceptions propagate; the HTTP layer turns them into denials, so nothing is admitted unchecked.
/// </summary>
public sealed class PaasAdmission(PlatformSettings settings, IPaasObjectReader reader)
{
    private readonly PaasValidator validator = new(settings);
    private readonly PaasDefaults defaults = new(settings);

    public async Task<AdmissionResponse> ValidateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uid = request.Uid!;
        if (!Checks(request))
        {
            return AdmissionAnswers.Allowed(uid);
        }

        var updated = PaasObjects.Read(request.Object!.Value);
        if (updated.Object is not { } obj)
        {
            return AdmissionAnswers.Denied(uid, Subject(request), new ValidationResult(updated.Errors, []));
        }

        if (obj.Metadata.DeletionTimestamp is not null)
        {
            // Once deleting, only finalizers can change; blocking them would leave the object stuck.
            return AdmissionAnswers.Allowed(uid);
        }

        var old = request.Operation == "UPDATE" ? PaasObjects.Read(request.OldObject!.Value).Object : null;
        var result = old is null ? validator.Validate(obj) : validator.ValidateUpdate(old, obj);
        if (obj is Formation formation)
        {
            result = Merge(result, await CheckAgainstReleaseAsync(formation, old as Formation, request, cancellationToken));
        }

        if (old is not null)
        {
            result = Ratchet(result, old is Formation oldFormation ? Merge(validator.Validate(old), await CheckAgainstReleaseAsync(oldFormation, null, request, cancellationToken)) : validator.Validate(old));
        }

        return result.IsValid ? AdmissionAnswers.Allowed(uid, AdmissionAnswers.WarningsOf(result)) : AdmissionAnswers.Denied(uid, Subject(request, obj), result);
    }

    public Task<AdmissionResponse> MutateAsync(AdmissionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uid = request.Uid!;
        // An object we cannot read is left as it is: the validating webhook rejects it with the reason.
        if (!Checks(request) || PaasObjects.Read(request.Object!.Value).Object is not { } obj || obj.Metadata.DeletionTimestamp is not null)
        {
            return Task.FromResult(AdmissionAnswers.Allowed(uid));
        }

        var operations = defaults.For(obj.Kind ?? "", JsonObject.Create(request.Object!.Value)!, request.OldObject is { } old ? JsonObject.Create(old) : null);
        if (operations.Count == 0)
        {
            return Task.FromResult(AdmissionAnswers.Allowed(uid));
        }

        var patch = JsonSerializer.SerializeToUtf8Bytes(operations, WebhookJsonContext.Default.IReadOnlyListJsonPatchOperation);
        return Task.FromResult(AdmissionAnswers.Allowed(uid, patchBase64: Convert.ToBase64String(patch)));
    }

    // Deletes, connects and status writes are not ours to check: the operator writes status, and deletion must never be blocked.
    private static bool Checks(AdmissionRequest request) =>
        request.Operation is "CREATE" or "UPDATE" && string.IsNullOrEmpty(request.SubResource);

    private async Task<ValidationResult> CheckAgainstReleaseAsync(Formation formation, Formation? old, AdmissionRequest request, CancellationToken cancellationToken)
    {
        var appName = formation.Spec.App;
        var @namespace = request.Namespace ?? formation.Metadata.Namespace;
        if (string.IsNullOrEmpty(appName) || string.IsNullOrEmpty(@namespace) || !AppNames.IsValid(appName) || old?.Spec.App is { } oldApp && oldApp != appName)
        {
            return ValidationResult.Valid; // the Formation's own errors already say what is wrong with spec.app
        }

        var current = await CurrentRelease.FindAsync(reader, @namespace, appName, cancellationToken);
        var result = validator.Formations.ValidateAgainstRelease(formation, current.ProcessTypes);
        return current.AppExists
            ? result
            : result with { Warnings = [new ValidationWarning("spec.app", $"App \"{appName}\" does not exist in namespace \"{@namespace}\" yet; the Formation takes effect once it does"), .. result.Warnings] };
    }

    private static ValidationResult Merge(ValidationResult first, ValidationResult second) =>
        new([.. first.Errors, .. second.Errors], [.. first.Warnings, .. second.Warnings]);

    /// <summary>
    /// On update, errors the stored object already had are not held against the change (Kubernetes calls this ratcheting):
    /// an object stored under older rules can still get labels, finalizers and fixes, while every new error is reported.
    /// </summary>
    private static ValidationResult Ratchet(ValidationResult result, ValidationResult before)
    {
        var existing = before.Errors.Select(e => e.Message).ToHashSet(StringComparer.Ordinal);
        return result with { Errors = [.. result.Errors.Where(e => !existing.Contains(e.Message))] };
    }

    private static string Subject(AdmissionRequest request, IKubernetesObject? obj = null)
    {
        var name = obj?.Metadata.Name is { Length: > 0 } n ? n : request.Name is { Length: > 0 } r ? r : obj?.Metadata.GenerateName ?? "";
        var builder = new StringBuilder(request.Kind?.Kind ?? "object");
        builder.Append(" \"").Append(name).Append('"');
        if (request.Namespace is { Length: > 0 } ns)
        {
            builder.Append(" in namespace \"").Append(ns).Append('"');
        }

        return builder.ToString();
    }
}
