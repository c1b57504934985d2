namespace Kube.Models;

/// <summary>The seccomp filter a container runs under (core/v1 SeccompProfile).</summary>
public sealed record SeccompProfile
{
    /// <summary><c>RuntimeDefault</c>, <c>Localhost</c> or <c>Unconfined</c>.</summary>
    public required string Type { get; init; }

    public string? LocalhostProfile { get; init; }
}
