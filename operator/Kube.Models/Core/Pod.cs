namespace Kube.Models;

/// <summary>One running instance of a pod template, e.g. a dyno (core/v1 Pod).</summary>
public sealed record Pod : IKubernetesObject<Pod>
{
    public static ResourceType Resource { get; } = new("", "v1", "Pod", "pods", Namespaced: true);

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Pod";

    public ObjectMeta Metadata { get; init; } = new();

    public PodSpec? Spec { get; init; }

    public PodStatus? Status { get; init; }
}
