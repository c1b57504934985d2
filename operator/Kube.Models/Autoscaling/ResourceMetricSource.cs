namespace Kube.Models;

/// <summary>A per-pod resource such as <c>cpu</c> and its target (autoscaling/v2 ResourceMetricSource).</summary>
public sealed record ResourceMetricSource
{
    public required string Name { get; init; }

    public required MetricTarget Target { get; init; }
}
