using Kube.Models;
using Paas.Platform.Validation;

namespace Paas.Webhook.Admission;

/// <summary>The three answers the webhook gives: allowed, denied for the object's errors, denied because the webhook itself failed.</summary>
public static class AdmissionAnswers
{
    public static AdmissionResponse Allowed(string uid, IReadOnlyList<string>? warnings = null, string? patchBase64 = null) => new()
    {
        Uid = uid,
        Allowed = true,
        Warnings = warnings is { Count: > 0 } ? warnings : null,
        Patch = patchBase64,
        PatchType = patchBase64 is null ? null : "JSONPatch",
    };

    /// <summary>
    /// A 422 whose message names the object and lists every error on its own line, because the API server shows
    /// only <c>status.message</c> (after "admission webhook ... denied the request: ").
    /// </summary>
    public static AdmissionResponse Denied(string uid, string subject, ValidationResult result)
    {
        var count = result.Errors.Count == 1 ? "1 error" : $"{result.Errors.Count} errors";
        var lines = result.Errors.Select(e => "  " + e.Message);
        var message = $"{subject} is invalid ({count}):\n{string.Join('\n', lines)}";
        return new AdmissionResponse
        {
            Uid = uid,
            Allowed = false,
            Status = new Status { StatusValue = "Failure", Code = 422, Reason = "Invalid", Message = message },
            Warnings = WarningsOf(result),
        };
    }

    /// <summary>
    /// A denial caused by the webhook's own failure: an object is never let through because we could not check it.
    /// </summary>
    public static AdmissionResponse Failed(string uid, string subject, Exception error)
    {
        var message = $"the paas.dev webhook could not check {subject}, so it was not stored: {error.GetType().Name}: {error.Message}. " +
            "Retry; if it keeps failing, read the paas-operator logs";
        return new AdmissionResponse
        {
            Uid = uid,
            Allowed = false,
            Status = new Status { StatusValue = "Failure", Code = 500, Reason = "InternalError", Message = message },
        };
    }

    /// <summary>The validator's warnings as kubectl prints them, <c>field: text</c>.</summary>
    public static IReadOnlyList<string>? WarningsOf(ValidationResult result) =>
        result.Warnings.Count == 0 ? null : [.. result.Warnings.Select(w => w.Message)];
}
