namespace Kube.Models;

/// <summary>What an autoscaler last saw and decided (autoscaling/v2 HorizontalPodAutoscalerStatus).</summary>
public sealed record HorizontalPodAutoscalerStatus
{
    public long? ObservedGeneration { get; init; }

    public int? CurrentReplicas { get; init; }

    public int? DesiredReplicas { get; init; }
}
