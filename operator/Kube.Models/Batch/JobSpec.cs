namespace Kube.Models;

/// <summary>The pod a Job runs, its retries, deadline and clean-up (batch/v1 JobSpec).</summary>
public sealed record JobSpec
{
    public required PodTemplateSpec Template { get; init; }

    public int? BackoffLimit { get; init; }

    public long? ActiveDeadlineSeconds { get; init; }

    public int? TtlSecondsAfterFinished { get; init; }

    public int? Completions { get; init; }

    public int? Parallelism { get; init; }
}
