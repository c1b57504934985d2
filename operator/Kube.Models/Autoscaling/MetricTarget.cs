namespace Kube.Models;

/// <summary>The value a metric should hold (autoscaling/v2 MetricTarget).</summary>
public sealed record MetricTarget
{
    /// <summary><c>Utilization</c>, <c>Value</c> or <c>AverageValue</c>.</summary>
    public required string Type { get; init; }

    /// <summary>Percent of the pods' resource request, for <c>Utilization</c>.</summary>
    public int? AverageUtilization { get; init; }

    public string? AverageValue { get; init; }

    public string? Value { get; init; }
}
