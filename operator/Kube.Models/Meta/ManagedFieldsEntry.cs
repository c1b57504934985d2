using System.Text.Json.Nodes;

namespace Kube.Models;

/// <summary>Which manager owns which fields, as recorded by server-side apply (metav1.ManagedFieldsEntry).</summary>
public sealed record ManagedFieldsEntry
{
    public string? Manager { get; init; }

    public string? Operation { get; init; }

    public string? ApiVersion { get; init; }

    public DateTimeOffset? Time { get; init; }

    public string? FieldsType { get; init; }

    public JsonObject? FieldsV1 { get; init; }

    public string? Subresource { get; init; }
}
