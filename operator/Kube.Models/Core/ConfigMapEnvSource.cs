namespace Kube.Models;

/// <summary>A ConfigMap whose keys become environment variables (core/v1 ConfigMapEnvSource).</summary>
public sealed record ConfigMapEnvSource
{
    public required string Name { get; init; }

    public bool? Optional { get; init; }
}
