using System.Diagnostics;
using Kube.Client;
using Kube.Models;

namespace Paas.Bench.Foundation;

/// <summary>Server-side apply round trips per second through our client to the in-process API server, each apply changing a field.</summary>
internal sealed class ServerSideApplyBenchmark(int applies = 4_000) : IBenchmark
{
    private static readonly ApplyOptions Apply = new("bench", Force: true);

    public string Name => "apply";

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        await using var cluster = await BenchCluster.StartAsync();
        var sequential = await RunAsync(cluster, concurrency: 1, cancellationToken);
        var parallel = await RunAsync(cluster, concurrency: 8, cancellationToken);
        return
        [
            new("apply", "round trips, 1 client task", applies / sequential.Elapsed.TotalSeconds, "applies/s", $"{applies:N0} applies, each changing a Lease"),
            new("apply", "latency p50 / p99, 1 client task", sequential.Latencies.Percentile(50), "ms (p50)", $"p99 {sequential.Latencies.Percentile(99):N2} ms"),
            new("apply", "round trips, 8 concurrent tasks", applies / parallel.Elapsed.TotalSeconds, "applies/s", $"{applies:N0} applies over 8 Leases"),
            new("apply", "latency p50 / p99, 8 concurrent tasks", parallel.Latencies.Percentile(50), "ms (p50)", $"p99 {parallel.Latencies.Percentile(99):N2} ms"),
        ];
    }

    private async Task<(TimeSpan Elapsed, Latencies Latencies)> RunAsync(BenchCluster cluster, int concurrency, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(task => Task.Run(
            async () =>
            {
                for (var i = task; i < applies; i += concurrency)
                {
                    var lease = new Lease
                    {
                        Metadata = new ObjectMeta { Name = $"apply-{concurrency}-{task}", Namespace = BenchCluster.Namespace },
                        Spec = new LeaseSpec { HolderIdentity = $"holder-{i}", LeaseTransitions = i },
                    };
                    var started = Stopwatch.GetTimestamp();
                    await cluster.Client.ApplyAsync(lease, Apply, cancellationToken);
                    latencies.Add(Stopwatch.GetElapsedTime(started));
                }
            },
            cancellationToken)));
        return (clock.Elapsed, latencies);
    }
}
