namespace Kube.Models;

/// <summary>A Job condition such as <c>Complete</c> or <c>Failed</c> (batch/v1 JobCondition).</summary>
public sealed record JobCondition
{
    public required string Type { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public required string Status { get; init; }

    public DateTimeOffset? LastProbeTime { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}
