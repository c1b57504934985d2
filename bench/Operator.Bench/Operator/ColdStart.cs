using System.Diagnostics;
using Kube.Testing;

namespace Paas.Bench.Operator;

/// <summary>
/// Starts the operator process against the seeded fleet and follows it until every App has both Deployments and is
/// Ready, or until it has stopped writing without getting there (a phase the operator does not do yet).
/// </summary>
internal static class ColdStart
{
    /// <summary>How long the operator may write nothing before the benchmark decides it has done all it will do.</summary>
    public static readonly TimeSpan Quiet = TimeSpan.FromSeconds(5);

    public static async Task<(OperatorProcess Process, ColdStartTimeline Timeline, IReadOnlyList<ObservedRequest> Writes)> RunAsync(
        BenchCluster cluster, ClusterWatch watch, OperatorWrites writes, int apps, CancellationToken cancellationToken)
    {
        writes.Drain();
        var started = Stopwatch.GetTimestamp();
        var clusterCpuAtStart = ClusterCpu();
        var clusterGcAtStart = GC.GetTotalPauseDuration();
        var process = OperatorProcess.Start(cluster.KubeconfigPath);
        var deadline = TimeSpan.FromSeconds(60 + (apps * 0.12));
        TimeSpan? synced = null, firstWrite = null, allDeployments = null, allReady = null;
        TimeSpan operatorCpu = TimeSpan.Zero, clusterCpu = TimeSpan.Zero, clusterGc = TimeSpan.Zero;
        var ready = ProbeReadyAsync(process, deadline, cancellationToken);
        while (Stopwatch.GetElapsedTime(started) < deadline)
        {
            process.EnsureRunning();
            var now = Stopwatch.GetElapsedTime(started);
            if (synced is null && ready.IsCompletedSuccessfully)
            {
                synced = ready.Result;
            }

            if (firstWrite is null && writes.Count > 0)
            {
                firstWrite = now;
            }

            if (allDeployments is null && watch.Deployments >= apps * 2)
            {
                allDeployments = now;
            }

            if (allReady is null && watch.ReadyApps >= apps)
            {
                allReady = now;
            }

            if (allDeployments is not null && allReady is not null)
            {
                operatorCpu = process.CpuTime();
                clusterCpu = ClusterCpu() - clusterCpuAtStart;
                clusterGc = GC.GetTotalPauseDuration() - clusterGcAtStart;
                break;
            }

            // Without the workload phases the operator stops short: end once it has been silent for a while.
            var silentSince = Math.Max(writes.LastWriteTimestamp, started);
            if (synced is not null && Stopwatch.GetElapsedTime(silentSince) > Quiet && Stopwatch.GetElapsedTime(started) > synced + Quiet)
            {
                break;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10), cancellationToken);
        }

        // Writes that answer the kubelet's readiness (App status) can trail the last Deployment; collect them too.
        await writes.WaitForQuietAsync(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(30), cancellationToken);
        var lastWrite = writes.LastWriteTimestamp == 0 ? (TimeSpan?)null : Stopwatch.GetElapsedTime(started) - Stopwatch.GetElapsedTime(writes.LastWriteTimestamp);
        var timeline = new ColdStartTimeline(synced, firstWrite, allDeployments, allReady, lastWrite, writes.BusiestSecond(), operatorCpu, clusterCpu, clusterGc);
        return (process, timeline, writes.Drain());
    }

    /// <summary>CPU used by this process: the API server, the test kubelet and the benchmark's own watch.</summary>
    public static TimeSpan ClusterCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private static async Task<TimeSpan> ProbeReadyAsync(OperatorProcess process, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        await process.WaitUntilReadyAsync(deadline, cancellationToken);
        return Stopwatch.GetElapsedTime(started);
    }
}
