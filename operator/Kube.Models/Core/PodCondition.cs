namespace Kube.Models;

/// <summary>A pod condition such as <c>Ready</c> (core/v1 PodCondition).</summary>
public sealed record PodCondition
{
    public required string Type { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public required string Status { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}
