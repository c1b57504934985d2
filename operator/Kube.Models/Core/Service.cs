namespace Kube.Models;

/// <summary>A stable address in front of a set of pods (core/v1 Service).</summary>
public sealed record Service : IKubernetesObject<Service>
{
    public static ResourceType Resource { get; } = new("", "v1", "Service", "services", Namespaced: true);

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "Service";

    public ObjectMeta Metadata { get; init; } = new();

    public ServiceSpec? Spec { get; init; }
}
