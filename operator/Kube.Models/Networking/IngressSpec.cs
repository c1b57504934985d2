namespace Kube.Models;

/// <summary>The class, TLS and rules of an Ingress (networking.k8s.io/v1 IngressSpec).</summary>
public sealed record IngressSpec
{
    public string? IngressClassName { get; init; }

    public IngressBackend? DefaultBackend { get; init; }

    public IReadOnlyList<IngressTls>? Tls { get; init; }

    public IReadOnlyList<IngressRule>? Rules { get; init; }
}
