namespace Kube.Models;

/// <summary>What an autoscaler scales, its bounds and its metrics (autoscaling/v2 HorizontalPodAutoscalerSpec).</summary>
public sealed record HorizontalPodAutoscalerSpec
{
    public required CrossVersionObjectReference ScaleTargetRef { get; init; }

    public int? MinReplicas { get; init; }

    public required int MaxReplicas { get; init; }

    public IReadOnlyList<MetricSpec>? Metrics { get; init; }
}
