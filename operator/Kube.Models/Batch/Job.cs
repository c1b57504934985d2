namespace Kube.Models;

/// <summary>Runs pods until one completes (batch/v1 Job).</summary>
public sealed record Job : IKubernetesObject<Job>
{
    public static ResourceType Resource { get; } = new("batch", "v1", "Job", "jobs", Namespaced: true);

    public string? ApiVersion { get; init; } = "batch/v1";

    public string? Kind { get; init; } = "Job";

    public ObjectMeta Metadata { get; init; } = new();

    public JobSpec? Spec { get; init; }

    public JobStatus? Status { get; init; }
}
