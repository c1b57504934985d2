namespace Kube.Models;

/// <summary>Every key of a Secret or ConfigMap as environment variables (core/v1 EnvFromSource).</summary>
public sealed record EnvFromSource
{
    public string? Prefix { get; init; }

    public SecretEnvSource? SecretRef { get; init; }

    public ConfigMapEnvSource? ConfigMapRef { get; init; }
}
