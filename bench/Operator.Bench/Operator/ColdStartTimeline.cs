namespace Paas.Bench.Operator;

/// <summary>When each milestone of the cold start was reached, measured from the operator process's start; null when never.</summary>
internal sealed record ColdStartTimeline(
    TimeSpan? CachesSynced,
    TimeSpan? FirstWrite,
    TimeSpan? AllDeployments,
    TimeSpan? AllReady,
    TimeSpan? LastWrite,
    int BusiestWriteSecond,
    TimeSpan OperatorCpu,
    TimeSpan ClusterCpu,
    TimeSpan ClusterGcPauses)
{
    /// <summary>The cold start's end: all Deployments applied and all Apps Ready; null when the operator never got there.</summary>
    public TimeSpan? Done => AllDeployments is { } applied && AllReady is { } ready ? (applied > ready ? applied : ready) : null;

    public string Describe() =>
        $"caches synced {Ms(CachesSynced)}, first write {Ms(FirstWrite)}, all Deployments {Ms(AllDeployments)}, all Apps Ready {Ms(AllReady)}, last write {Ms(LastWrite)}, at most {BusiestWriteSecond:N0} writes in one second; CPU until done: operator {OperatorCpu.TotalSeconds:N2} s, API server with kubelet and bench watch {ClusterCpu.TotalSeconds:N2} s (its GC pauses {ClusterGcPauses.TotalSeconds:N2} s)";

    private static string Ms(TimeSpan? at) => at is { } value ? $"{value.TotalMilliseconds:N0} ms" : "never";
}
