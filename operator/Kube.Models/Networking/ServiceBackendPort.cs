namespace Kube.Models;

/// <summary>A Service port by name or number, exactly one of them (networking.k8s.io/v1 ServiceBackendPort).</summary>
public sealed record ServiceBackendPort
{
    public string? Name { get; init; }

    public int? Number { get; init; }
}
