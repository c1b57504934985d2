namespace Kube.Models;

/// <summary>A Deployment condition such as <c>Available</c> or <c>Progressing</c> (apps/v1 DeploymentCondition).</summary>
public sealed record DeploymentCondition
{
    public required string Type { get; init; }

    /// <summary><c>True</c>, <c>False</c> or <c>Unknown</c>.</summary>
    public required string Status { get; init; }

    public DateTimeOffset? LastUpdateTime { get; init; }

    public DateTimeOffset? LastTransitionTime { get; init; }

    public string? Reason { get; init; }

    public string? Message { get; init; }
}
