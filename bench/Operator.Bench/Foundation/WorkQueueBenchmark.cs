using System.Diagnostics;
using Kube.Runtime.Queue;

namespace Paas.Bench.Foundation;

/// <summary>Work queue operations per second: add, take and done cycles, alone and with concurrent producers and workers.</summary>
internal sealed class WorkQueueBenchmark(int cycles = 1_000_000, int keys = 10_000) : IBenchmark
{
    public string Name => "queue";

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var sequential = await SequentialAsync(cancellationToken);
        var concurrent = await ConcurrentAsync(workers: 4, cancellationToken);
        var duplicates = Duplicates();
        return
        [
            new("queue", "add + take + done, one thread", cycles / sequential.TotalSeconds, "cycles/s", $"{cycles:N0} cycles over {keys:N0} keys"),
            new("queue", "add + take + done, 4 producers and 4 workers", cycles / concurrent.TotalSeconds, "cycles/s", $"{cycles:N0} cycles over {keys:N0} keys"),
            new("queue", "de-duplicated adds of a waiting key", cycles / duplicates.TotalSeconds, "adds/s", $"{cycles:N0} adds of one key"),
        ];
    }

    private async Task<TimeSpan> SequentialAsync(CancellationToken cancellationToken)
    {
        using var queue = new WorkQueue<string>("bench-sequential");
        var names = Names();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cycles; i++)
        {
            queue.Add(names[i % keys]);
            var taken = await queue.TakeAsync(cancellationToken);
            queue.Done(taken.Item);
        }

        return clock.Elapsed;
    }

    private async Task<TimeSpan> ConcurrentAsync(int workers, CancellationToken cancellationToken)
    {
        using var queue = new WorkQueue<string>("bench-concurrent");
        var names = Names();
        var processed = 0;
        var clock = Stopwatch.StartNew();
        var consumers = Enumerable.Range(0, workers).Select(_ => Task.Run(
            async () =>
            {
                while (true)
                {
                    var taken = await queue.TakeAsync(cancellationToken);
                    if (taken.ShutDown)
                    {
                        return;
                    }

                    Interlocked.Increment(ref processed);
                    queue.Done(taken.Item);
                }
            },
            cancellationToken)).ToArray();
        var producers = Enumerable.Range(0, workers).Select(producer => Task.Run(
            () =>
            {
                for (var i = producer; i < cycles; i += workers)
                {
                    queue.Add(names[i % keys]);
                }
            },
            cancellationToken));
        await Task.WhenAll(producers);
        await queue.ShutDownWithDrainAsync(cancellationToken);
        await Task.WhenAll(consumers);
        var elapsed = clock.Elapsed;
        if (processed == 0)
        {
            throw new InvalidOperationException("the workers processed nothing");
        }

        // Adds of a key already waiting are merged, so fewer items than adds are processed; count the adds.
        return elapsed;
    }

    private TimeSpan Duplicates()
    {
        using var queue = new WorkQueue<string>("bench-duplicates");
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < cycles; i++)
        {
            queue.Add("same");
        }

        var elapsed = clock.Elapsed;
        return queue.Count == 1 ? elapsed : throw new InvalidOperationException($"expected one queued item, found {queue.Count}");
    }

    private string[] Names() => [.. Enumerable.Range(0, keys).Select(i => $"bench/app-{i}")];
}
