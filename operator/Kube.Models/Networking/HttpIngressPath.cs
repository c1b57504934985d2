namespace Kube.Models;

/// <summary>A path and the backend that serves it (networking.k8s.io/v1 HTTPIngressPath).</summary>
public sealed record HttpIngressPath
{
    public string? Path { get; init; }

    /// <summary><c>Prefix</c>, <c>Exact</c> or <c>ImplementationSpecific</c>.</summary>
    public required string PathType { get; init; }

    public required IngressBackend Backend { get; init; }
}
