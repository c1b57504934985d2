using Kube.Models;

namespace Paas.Webhook.Admission;

/// <summary>Our verdict on one request (<c>AdmissionResponse</c> of admission.k8s.io/v1).</summary>
public sealed record AdmissionResponse
{
    /// <summary>The request's uid, echoed: the API server drops an answer whose uid does not match.</summary>
    public required string Uid { get; init; }

    public required bool Allowed { get; init; }

    /// <summary>Why a request is denied; the API server shows <see cref="Status.Message"/> to the user.</summary>
    public Status? Status { get; init; }

    /// <summary>Base64 of an RFC 6902 JSON Patch, for mutating answers.</summary>
    public string? Patch { get; init; }

    /// <summary><c>JSONPatch</c> when <see cref="Patch"/> is set.</summary>
    public string? PatchType { get; init; }

    /// <summary>Shown by kubectl as <c>Warning: ...</c> lines, also on allowed requests.</summary>
    public IReadOnlyList<string>? Warnings { get; init; }
}
