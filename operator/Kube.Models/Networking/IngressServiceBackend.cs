namespace Kube.Models;

/// <summary>A Service in the Ingress's namespace and one of its ports (networking.k8s.io/v1 IngressServiceBackend).</summary>
public sealed record IngressServiceBackend
{
    public required string Name { get; init; }

    public required ServiceBackendPort Port { get; init; }
}
