namespace Kube.Models;

/// <summary>A Secret whose keys become environment variables (core/v1 SecretEnvSource).</summary>
public sealed record SecretEnvSource
{
    public required string Name { get; init; }

    public bool? Optional { get; init; }
}
