namespace Kube.Models;

/// <summary>Scales a workload between bounds on observed metrics (autoscaling/v2 HorizontalPodAutoscaler).</summary>
public sealed record HorizontalPodAutoscaler : IKubernetesObject<HorizontalPodAutoscaler>
{
    public static ResourceType Resource { get; } = new("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", Namespaced: true);

    public string? ApiVersion { get; init; } = "autoscaling/v2";

    public string? Kind { get; init; } = "HorizontalPodAutoscaler";

    public ObjectMeta Metadata { get; init; } = new();

    public HorizontalPodAutoscalerSpec? Spec { get; init; }

    public HorizontalPodAutoscalerStatus? Status { get; init; }
}
