namespace Kube.Models;

/// <summary>A field of the pod itself, such as <c>metadata.name</c> (core/v1 ObjectFieldSelector).</summary>
public sealed record ObjectFieldSelector
{
    public string? ApiVersion { get; init; }

    public required string FieldPath { get; init; }
}
