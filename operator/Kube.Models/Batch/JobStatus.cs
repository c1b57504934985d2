namespace Kube.Models;

/// <summary>How a Job's pods fared (batch/v1 JobStatus).</summary>
public sealed record JobStatus
{
    public int? Active { get; init; }

    public int? Succeeded { get; init; }

    public int? Failed { get; init; }

    public DateTimeOffset? StartTime { get; init; }

    public DateTimeOffset? CompletionTime { get; init; }

    public IReadOnlyList<JobCondition>? Conditions { get; init; }
}
