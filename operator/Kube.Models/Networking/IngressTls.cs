namespace Kube.Models;

/// <summary>Hosts served over TLS with the certificate in one Secret (networking.k8s.io/v1 IngressTLS).</summary>
public sealed record IngressTls
{
    public IReadOnlyList<string>? Hosts { get; init; }

    public string? SecretName { get; init; }
}
