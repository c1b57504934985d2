namespace Kube.Models;

/// <summary>A named volume of a pod; set one source (core/v1 Volume, the sources the operator uses).</summary>
public sealed record Volume
{
    public required string Name { get; init; }

    public EmptyDirVolumeSource? EmptyDir { get; init; }

    public SecretVolumeSource? Secret { get; init; }
}
