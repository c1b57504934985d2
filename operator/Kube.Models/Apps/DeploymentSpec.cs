namespace Kube.Models;

/// <summary>The desired pods of a Deployment and how to roll them (apps/v1 DeploymentSpec).</summary>
public sealed record DeploymentSpec
{
    /// <summary>Desired pods; leave null when an autoscaler owns the field.</summary>
    public int? Replicas { get; init; }

    public required LabelSelector Selector { get; init; }

    public required PodTemplateSpec Template { get; init; }

    public DeploymentStrategy? Strategy { get; init; }

    public int? MinReadySeconds { get; init; }

    public int? RevisionHistoryLimit { get; init; }

    public int? ProgressDeadlineSeconds { get; init; }
}
