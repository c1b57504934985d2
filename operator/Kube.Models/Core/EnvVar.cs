namespace Kube.Models;

/// <summary>An environment variable with a literal value or one taken from elsewhere (core/v1 EnvVar).</summary>
public sealed record EnvVar
{
    public required string Name { get; init; }

    public string? Value { get; init; }

    public EnvVarSource? ValueFrom { get; init; }
}
