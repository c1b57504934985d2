namespace Kube.Models;

/// <summary>The containers of a pod and how the node runs them (core/v1 PodSpec).</summary>
public sealed record PodSpec
{
    public required IReadOnlyList<Container> Containers { get; init; }

    /// <summary>Run one after another to completion before <see cref="Containers"/> start.</summary>
    public IReadOnlyList<Container>? InitContainers { get; init; }

    public IReadOnlyList<Volume>? Volumes { get; init; }

    /// <summary><c>Always</c>, <c>OnFailure</c> or <c>Never</c>.</summary>
    public string? RestartPolicy { get; init; }

    public long? TerminationGracePeriodSeconds { get; init; }

    public long? ActiveDeadlineSeconds { get; init; }

    public string? ServiceAccountName { get; init; }

    public bool? AutomountServiceAccountToken { get; init; }

    public bool? EnableServiceLinks { get; init; }

    public PodSecurityContext? SecurityContext { get; init; }

    public IReadOnlyDictionary<string, string>? NodeSelector { get; init; }
}
