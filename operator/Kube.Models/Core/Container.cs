namespace Kube.Models;

/// <summary>One container of a pod (core/v1 Container).</summary>
public sealed record Container
{
    public required string Name { get; init; }

    public required string Image { get; init; }

    public IReadOnlyList<string>? Command { get; init; }

    public IReadOnlyList<string>? Args { get; init; }

    public string? WorkingDir { get; init; }

    public IReadOnlyList<ContainerPort>? Ports { get; init; }

    public IReadOnlyList<EnvFromSource>? EnvFrom { get; init; }

    public IReadOnlyList<EnvVar>? Env { get; init; }

    public ResourceRequirements? Resources { get; init; }

    public Probe? StartupProbe { get; init; }

    public Probe? ReadinessProbe { get; init; }

    public Probe? LivenessProbe { get; init; }

    public SecurityContext? SecurityContext { get; init; }

    /// <summary><c>Always</c>, <c>IfNotPresent</c> or <c>Never</c>.</summary>
    public string? ImagePullPolicy { get; init; }

    public IReadOnlyList<VolumeMount>? VolumeMounts { get; init; }

    /// <summary><c>File</c> (the default) or <c>FallbackToLogsOnError</c>: the log's tail when the container failed and wrote no message.</summary>
    public string? TerminationMessagePolicy { get; init; }
}
