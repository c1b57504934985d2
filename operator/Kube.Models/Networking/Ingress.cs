namespace Kube.Models;

/// <summary>HTTP routing from hostnames and paths to Services (networking.k8s.io/v1 Ingress).</summary>
public sealed record Ingress : IKubernetesObject<Ingress>
{
    public static ResourceType Resource { get; } = new("networking.k8s.io", "v1", "Ingress", "ingresses", Namespaced: true);

    public string? ApiVersion { get; init; } = "networking.k8s.io/v1";

    public string? Kind { get; init; } = "Ingress";

    public ObjectMeta Metadata { get; init; } = new();

    public IngressSpec? Spec { get; init; }
}
