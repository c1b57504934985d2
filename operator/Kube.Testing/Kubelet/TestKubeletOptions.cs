using Kube.Models;

namespace Kube.Testing.Kubelet;

/// <summary>How the test kubelet answers: which Jobs finish how, and which namespaces it serves.</summary>
public sealed record TestKubeletOptions
{
    /// <summary>Decides each unfinished Job's fate; the default completes every Job.</summary>
    public Func<Job, JobVerdict> JobVerdict { get; init; } = _ => Kubelet.JobVerdict.Complete;

    /// <summary>Only this namespace, or all when null.</summary>
    public string? Namespace { get; init; }
}
