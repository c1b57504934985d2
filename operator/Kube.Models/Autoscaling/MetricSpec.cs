namespace Kube.Models;

/// <summary>One metric an autoscaler follows (autoscaling/v2 MetricSpec); only <c>Resource</c> metrics are modelled.</summary>
public sealed record MetricSpec
{
    /// <summary><c>Resource</c>, <c>Pods</c>, <c>Object</c>, <c>External</c> or <c>ContainerResource</c>.</summary>
    public required string Type { get; init; }

    public ResourceMetricSource? Resource { get; init; }
}
