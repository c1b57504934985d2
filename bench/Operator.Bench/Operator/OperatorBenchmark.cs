using Kube.Testing;
using Kube.Testing.Kubelet;

namespace Paas.Bench.Operator;

/// <summary>
/// Issue #4's figures for the operator process against the in-process API server with N Apps of web and worker:
/// cold start as a ratio to replaying its writes with a plain HttpClient loop, writes during a resync of unchanged
/// Apps (a restart), peak resident memory, and p99 latency from a config change to the Deployments carrying it.
/// </summary>
internal sealed class OperatorBenchmark(int apps = 1_000, int changes = 200) : IBenchmark
{
    /// <summary>Config changes per second during the latency phase.</summary>
    private static readonly TimeSpan ChangeInterval = TimeSpan.FromMilliseconds(50);

    public string Name => "operator";

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var writes = new OperatorWrites();
        var (cluster, uids) = await FleetCluster.StartAsync(apps, new KubeApiServerOptions { RequestObserver = writes.Observe, ObserveRequestBodies = true }, cancellationToken);
        await using var _ = cluster;
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = BenchCluster.Namespace });
        await using var watch = new ClusterWatch(cluster.Client, BenchCluster.Namespace);
        await watch.WaitForSyncAsync(cancellationToken);
        Console.Error.WriteLine($"  seeded {apps:N0} Apps; starting {OperatorProcess.HostPath()}");

        var (first, timeline, coldWrites) = await ColdStart.RunAsync(cluster, watch, writes, apps, cancellationToken);
        long coldPeak;
        int workers;
        string workerSplit;
        await using (first)
        {
            coldPeak = first.PeakResidentBytes();
            workers = Math.Max(1, first.Workers);
            workerSplit = string.Join(", ", first.WorkersByController.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"));
        }

        Console.Error.WriteLine($"  cold start: {timeline.Describe()}; {coldWrites.Count:N0} writes ({OperatorWrites.ByKind(coldWrites)})");
        var coldLoad = LoadAverage();
        var deployments = watch.Deployments;
        var services = watch.Services;
        var ready = watch.ReadyApps;
        var released = watch.ReleasedApps;

        // A restart is a full resync: the new process lists everything and reconciles every App from a cold cache.
        await using var second = OperatorProcess.Start(cluster.KubeconfigPath);
        await second.WaitUntilReadyAsync(TimeSpan.FromSeconds(120), cancellationToken);
        await writes.WaitForQuietAsync(ColdStart.Quiet, TimeSpan.FromSeconds(120), cancellationToken);
        var resyncWrites = writes.Drain();
        var resyncLoad = LoadAverage();
        Console.Error.WriteLine($"  resync after restart: {resyncWrites.Count:N0} writes ({OperatorWrites.ByKind(resyncWrites)})");

        var (latencies, lost) = await ConfigChangeLatency.RunAsync(cluster.Client, watch, apps, changes, ChangeInterval, cancellationToken);
        var latencyLoad = LoadAverage();
        var secondPeak = second.PeakResidentBytes();
        second.EnsureRunning();
        Console.Error.WriteLine($"  config changes: {latencies.Count:N0} applied, {lost:N0} lost");

        Console.Error.WriteLine($"  replaying {coldWrites.Count:N0} writes from {workers} loops against a fresh server");
        var (replayed, replayMismatches, replayServerTime) = await ReplayAsync(coldWrites, uids, workers, cancellationToken);

        var fleet = $"{apps:N0} Apps x (web + worker), Release v1 Succeeded and current, no workloads yet";
        var measurements = new List<Measurement>();
        var missing = Missing(timeline, deployments, services, ready, released);
        if (timeline.Done is { } done)
        {
            measurements.Add(new("operator", "cold start to all applied and Ready / plain HttpClient replay", done / replayed, "ratio (target <= 1.5)",
                $"{done.TotalSeconds:N2} s vs {replayed.TotalSeconds:N2} s for {coldWrites.Count:N0} writes from {workers} loops; {fleet}; load {coldLoad}"));
        }
        else
        {
            measurements.Add(new("operator", "cold start to all applied and Ready / plain HttpClient replay", double.NaN, "ratio (target <= 1.5)",
                $"MISSING: {missing}; operator stopped writing after {timeline.LastWrite?.TotalSeconds ?? 0:N2} s, replay of its {coldWrites.Count:N0} writes {replayed.TotalSeconds:N2} s; {fleet}; load {coldLoad}"));
        }

        measurements.Add(new("operator", "cold start timeline", (timeline.Done ?? timeline.LastWrite ?? TimeSpan.Zero).TotalMilliseconds, "ms",
            $"{timeline.Describe()}; {deployments:N0} Deployments, {services:N0} Services, {released:N0} Apps Released, {ready:N0} Ready"));
        measurements.Add(new("operator", "cold start writes by kind", coldWrites.Count, "requests",
            $"{OperatorWrites.ByKind(coldWrites)}; operator's {OperatorWrites.ServerTime(coldWrites)}; replay's {replayServerTime}, {replayMismatches} answered differently; workers: {workerSplit}"));
        measurements.Add(new("operator", "writes during a full resync of unchanged Apps", resyncWrites.Count, "requests (target 0)",
            $"operator restarted, counted until {ColdStart.Quiet.TotalSeconds:N0} s without writes after its caches synced: {OperatorWrites.ByKind(resyncWrites)}; load {resyncLoad}"));
        var heap = ChartMemoryLimit.Find() is { } limit
            ? $"GC heap limit {limit.HeapLimit / 1048576.0:N0} MiB, what .NET takes of the chart's {limit.MemoryLimit / 1048576.0:N0} MiB memory limit in a pod"
            : "no GC heap limit (the chart's values.yaml was not found from the current directory)";
        measurements.Add(new("operator", "peak RSS (VmHWM), cold start", coldPeak / 1048576.0, "MB (target <= 80)", $"first process, through the cold start; {heap}; load {coldLoad}"));
        measurements.Add(new("operator", "peak RSS (VmHWM), restart + changes", secondPeak / 1048576.0, "MB (target <= 80)", $"second process, through the resync and {changes:N0} config changes; {heap}"));
        if (latencies.Count > 0)
        {
            measurements.Add(new("operator", "config change to both Deployments applied, p99", latencies.Percentile(99), "ms",
                $"p50 {latencies.Percentile(50):N1} ms, max {latencies.Percentile(100):N1} ms; {latencies.Count:N0} changes at {1 / ChangeInterval.TotalSeconds:N0}/s, {lost:N0} lost; load {latencyLoad}"));
        }
        else
        {
            measurements.Add(new("operator", "config change to both Deployments applied, p99", double.NaN, "ms",
                $"MISSING: no Deployment took the new config within {ConfigChangeLatency.PerChange.TotalSeconds:N0} s (Release controller or workload apply not there yet); load {latencyLoad}"));
        }

        return measurements;
    }

    private async Task<(TimeSpan Elapsed, int Mismatches, string ServerTime)> ReplayAsync(
        IReadOnlyList<ObservedRequest> coldWrites, IReadOnlyDictionary<string, string> uids, int workers, CancellationToken cancellationToken)
    {
        // The plain HttpClient sends no User-Agent: that tells its writes from the seeding client's.
        var replayed = new System.Collections.Concurrent.ConcurrentQueue<ObservedRequest>();
        var observe = new KubeApiServerOptions { RequestObserver = request => { if (request.UserAgent is null) replayed.Enqueue(request); } };
        var (fresh, freshUids) = await FleetCluster.StartAsync(apps, observe, cancellationToken);
        await using var _ = fresh;
        var map = uids.ToDictionary(pair => pair.Value, pair => freshUids[pair.Key], StringComparer.Ordinal);
        var cpuBefore = ColdStart.ClusterCpu();
        var (elapsed, mismatches) = await WriteReplay.RunAsync(fresh.Server.BaseAddress, coldWrites, map, workers, cancellationToken);
        var cpu = ColdStart.ClusterCpu() - cpuBefore;
        return (elapsed, mismatches, $"{OperatorWrites.ServerTime([.. replayed])}, CPU of server and replay loop {cpu.TotalSeconds:N2} s");
    }

    private string Missing(ColdStartTimeline timeline, int deployments, int services, int ready, int released)
    {
        var gaps = new List<string>();
        if (timeline.AllDeployments is null)
        {
            gaps.Add($"workload apply ({deployments:N0} of {apps * 2:N0} Deployments, {services:N0} Services)");
        }

        if (timeline.AllReady is null)
        {
            gaps.Add($"App Ready status ({ready:N0} of {apps:N0} Ready; {released:N0} Released)");
        }

        return string.Join(" and ", gaps);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg", System.Text.Encoding.ASCII).Split(' ').Take(3)) : "n/a";
}
