namespace Kube.Models;

/// <summary>Security settings for every container of a pod (core/v1 PodSecurityContext).</summary>
public sealed record PodSecurityContext
{
    public bool? RunAsNonRoot { get; init; }

    public long? RunAsUser { get; init; }

    public long? RunAsGroup { get; init; }

    public long? FsGroup { get; init; }

    public SeccompProfile? SeccompProfile { get; init; }
}
