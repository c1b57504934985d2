namespace Kube.Testing.Kubelet;

/// <summary>
/// What a Job's pod went through, decided by the test: the status of each init container and container, and how the
/// Job ends. The test kubelet creates the pod (owned by the Job, labelled <c>job-name</c>) with these statuses.
/// </summary>
public sealed record JobPodOutcome
{
    /// <summary>Complete, Fail, or Running (the pod runs, the Job is active).</summary>
    public required JobVerdict Verdict { get; init; }

    /// <summary>Init containers in order; one missing from the list has not started.</summary>
    public IReadOnlyList<ContainerOutcome> InitContainers { get; init; } = [];

    public IReadOnlyList<ContainerOutcome> Containers { get; init; } = [];

    /// <summary>The reason of the Job's Failed condition: <c>BackoffLimitExceeded</c> (the default) or <c>DeadlineExceeded</c>.</summary>
    public string FailureReason { get; init; } = "BackoffLimitExceeded";

    /// <summary>A pod whose every listed container completed, and a Complete Job.</summary>
    public static JobPodOutcome Succeeded(IReadOnlyList<ContainerOutcome> initContainers, IReadOnlyList<ContainerOutcome> containers) =>
        new() { Verdict = JobVerdict.Complete, InitContainers = initContainers, Containers = containers };

    /// <summary>A pod where a container failed, and a Failed Job.</summary>
    public static JobPodOutcome Failed(IReadOnlyList<ContainerOutcome> initContainers, IReadOnlyList<ContainerOutcome> containers, string reason = "BackoffLimitExceeded") =>
        new() { Verdict = JobVerdict.Fail, InitContainers = initContainers, Containers = containers, FailureReason = reason };
}
