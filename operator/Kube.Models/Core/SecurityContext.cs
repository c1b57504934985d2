namespace Kube.Models;

/// <summary>Security settings for one container (core/v1 SecurityContext).</summary>
public sealed record SecurityContext
{
    public bool? AllowPrivilegeEscalation { get; init; }

    public bool? Privileged { get; init; }

    public bool? ReadOnlyRootFilesystem { get; init; }

    public bool? RunAsNonRoot { get; init; }

    public long? RunAsUser { get; init; }

    public Capabilities? Capabilities { get; init; }

    public SeccompProfile? SeccompProfile { get; init; }
}
