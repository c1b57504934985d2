using Kube.Models;

namespace Kube.Testing.Kubelet;

/// <summary>How the test kubelet answers: which Jobs finish how, and which namespaces it serves.</summary>
public sealed record TestKubeletOptions
{
    /// <summary>Decides each unfinished Job's fate; the default completes every Job.</summary>
    public Func<Job, JobVerdict> JobVerdict { get; init; } = _ => Kubelet.JobVerdict.Complete;

    /// <summary>
    /// When set and it returns an outcome for a Job, the kubelet also creates the Job's pod with these container
    /// statuses and ends the Job by the outcome's verdict instead of <see cref="JobVerdict"/>; null leaves the Job to it.
    /// </summary>
    public Func<Job, JobPodOutcome?>? JobPod { get; init; }

    /// <summary>Only this namespace, or all when null.</summary>
    public string? Namespace { get; init; }
}
