namespace Kube.Models;

/// <summary>Where an Ingress sends matching requests (networking.k8s.io/v1 IngressBackend); only Services are modelled.</summary>
public sealed record IngressBackend
{
    public IngressServiceBackend? Service { get; init; }
}
