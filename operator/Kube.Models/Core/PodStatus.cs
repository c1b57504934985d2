namespace Kube.Models;

/// <summary>What the kubelet reports about a pod; only the fields controllers read (core/v1 PodStatus).</summary>
public sealed record PodStatus
{
    /// <summary><c>Pending</c>, <c>Running</c>, <c>Succeeded</c>, <c>Failed</c> or <c>Unknown</c>.</summary>
    public string? Phase { get; init; }

    public IReadOnlyList<PodCondition>? Conditions { get; init; }

    public DateTimeOffset? StartTime { get; init; }
}
