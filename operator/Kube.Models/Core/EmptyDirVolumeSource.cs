namespace Kube.Models;

/// <summary>Scratch space that lives as long as the pod (core/v1 EmptyDirVolumeSource).</summary>
public sealed record EmptyDirVolumeSource
{
    /// <summary>Empty for the node's disk, <c>Memory</c> for tmpfs.</summary>
    public string? Medium { get; init; }

    /// <summary>A quantity such as <c>10Gi</c>; the pod is evicted when it writes more.</summary>
    public string? SizeLimit { get; init; }
}
