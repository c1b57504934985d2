using System.Text.Json;

namespace Paas.Webhook.Admission;

/// <summary>What the API server asks about: one operation on one object (<c>AdmissionRequest</c> of admission.k8s.io/v1).</summary>
public sealed record AdmissionRequest
{
    public string? Uid { get; init; }

    /// <summary>The kind of the object as the webhook sees it, after <c>matchPolicy: Equivalent</c> conversion.</summary>
    public GroupVersionKind? Kind { get; init; }

    public GroupVersionResource? Resource { get; init; }

    public string? SubResource { get; init; }

    public string? Name { get; init; }

    public string? Namespace { get; init; }

    /// <summary><c>CREATE</c>, <c>UPDATE</c>, <c>DELETE</c> or <c>CONNECT</c>.</summary>
    public string? Operation { get; init; }

    /// <summary>The object as it would be stored; absent for DELETE.</summary>
    public JsonElement? Object { get; init; }

    /// <summary>The stored object before an UPDATE or DELETE.</summary>
    public JsonElement? OldObject { get; init; }

    public bool? DryRun { get; init; }
}
