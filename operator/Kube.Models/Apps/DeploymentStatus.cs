namespace Kube.Models;

/// <summary>What the Deployment controller observed (apps/v1 DeploymentStatus).</summary>
public sealed record DeploymentStatus
{
    public long? ObservedGeneration { get; init; }

    public int? Replicas { get; init; }

    public int? UpdatedReplicas { get; init; }

    public int? ReadyReplicas { get; init; }

    public int? AvailableReplicas { get; init; }

    public int? UnavailableReplicas { get; init; }

    public IReadOnlyList<DeploymentCondition>? Conditions { get; init; }
}
