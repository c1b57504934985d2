using System.Diagnostics;
using Kube.Models;
using Kube.Runtime.Informers;
using Kube.Testing;

namespace Paas.Bench.Foundation;

/// <summary>
/// Watch events per second from the API server into an informer's cache. Replay: the objects are written first and an
/// informer then watches from before them, so delivery alone is timed. Live: concurrent writers create objects while
/// an informer watches, which the server's write rate bounds.
/// </summary>
internal sealed class WatchDeliveryBenchmark(int objects = 20_000, int writers = 8) : IBenchmark
{
    public string Name => "watch";

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var replay = await ReplayAsync(cancellationToken);
        var live = await LiveAsync(cancellationToken);
        return [replay, .. live];
    }

    private async Task<Measurement> ReplayAsync(CancellationToken cancellationToken)
    {
        await using var cluster = await BenchCluster.StartAsync(new KubeApiServerOptions { WatchHistoryLimit = objects * 2, WatcherBufferSize = objects * 2 });
        var before = (await cluster.Client.ListAsync<Lease>(BenchCluster.Namespace, cancellationToken: cancellationToken)).Metadata.ResourceVersion!;
        await CreateLeasesAsync(cluster, cancellationToken);

        var informer = new Informer<Lease>(new ListStartingAt(cluster.Client, before), new InformerOptions { Namespace = BenchCluster.Namespace });
        var allSeen = CountAdds(informer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        var running = informer.RunAsync(stop.Token);
        await allSeen.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var delivered = clock.Elapsed;
        await stop.CancelAsync();
        await running;
        EnsureCached(informer);
        return new("watch", "events delivered into the informer cache (replay)", objects / delivered.TotalSeconds, "events/s", $"{objects:N0} ADDED events replayed to one informer");
    }

    private async Task<IReadOnlyList<Measurement>> LiveAsync(CancellationToken cancellationToken)
    {
        await using var cluster = await BenchCluster.StartAsync();
        var informer = new Informer<Lease>(cluster.Client, new InformerOptions { Namespace = BenchCluster.Namespace });
        var allSeen = CountAdds(informer);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(cancellationToken);

        var clock = Stopwatch.StartNew();
        await CreateLeasesAsync(cluster, cancellationToken);
        var written = clock.Elapsed;
        await allSeen.WaitAsync(TimeSpan.FromMinutes(2), cancellationToken);
        var delivered = clock.Elapsed;
        await stop.CancelAsync();
        await running;
        EnsureCached(informer);

        var conditions = $"{objects:N0} creates by {writers} concurrent writers while one informer watches";
        return
        [
            new("watch", "events delivered into the informer cache (live)", objects / delivered.TotalSeconds, "events/s", conditions),
            new("watch", "creates accepted by the API server", objects / written.TotalSeconds, "requests/s", conditions),
            new("watch", "cache lag after the last create", (delivered - written).TotalMilliseconds, "ms", conditions),
        ];
    }

    private Task CreateLeasesAsync(BenchCluster cluster, CancellationToken cancellationToken) =>
        Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(
            async () =>
            {
                for (var i = writer; i < objects; i += writers)
                {
                    var lease = new Lease
                    {
                        Metadata = new ObjectMeta { Name = $"lease-{i}", Namespace = BenchCluster.Namespace },
                        Spec = new LeaseSpec { HolderIdentity = $"holder-{i}" },
                    };
                    await cluster.Client.CreateAsync(lease, cancellationToken);
                }
            },
            cancellationToken)));

    private Task CountAdds(Informer<Lease> informer)
    {
        var seen = 0;
        var allSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        informer.AddHandler(new InformerHandler<Lease>(added: _ =>
        {
            if (Interlocked.Increment(ref seen) == objects)
            {
                allSeen.TrySetResult();
            }
        }));
        return allSeen.Task;
    }

    private void EnsureCached(Informer<Lease> informer)
    {
        var cached = informer.Store.List().Count;
        if (cached != objects)
        {
            throw new InvalidOperationException($"the informer cache holds {cached} objects, expected {objects}");
        }
    }
}
