namespace Kube.Models;

/// <summary>Where a container sees one of the pod's volumes (core/v1 VolumeMount).</summary>
public sealed record VolumeMount
{
    public required string Name { get; init; }

    public required string MountPath { get; init; }

    public bool? ReadOnly { get; init; }

    public string? SubPath { get; init; }
}
