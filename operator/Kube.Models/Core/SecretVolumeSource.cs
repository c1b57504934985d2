namespace Kube.Models;

/// <summary>A Secret's keys as files (core/v1 SecretVolumeSource).</summary>
public sealed record SecretVolumeSource
{
    public required string SecretName { get; init; }

    /// <summary>Only these keys, at these paths; all keys under their own names when null.</summary>
    public IReadOnlyList<KeyToPath>? Items { get; init; }

    public int? DefaultMode { get; init; }

    public bool? Optional { get; init; }
}
