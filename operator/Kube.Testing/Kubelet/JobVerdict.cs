namespace Kube.Testing.Kubelet;

/// <summary>What the test kubelet does with a Job: complete it, fail it, or leave it running.</summary>
public enum JobVerdict
{
    Complete,
    Fail,
    Running,
}
