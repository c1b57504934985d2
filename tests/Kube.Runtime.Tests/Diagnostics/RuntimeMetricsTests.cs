using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Kube.Runtime.Diagnostics;
using Kube.Runtime.Queue;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Diagnostics;

public sealed class RuntimeMetricsTests : IDisposable
{
    private readonly RuntimeMetrics metrics = new();
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> totals = new();

    public RuntimeMetricsTests()
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RuntimeMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            // Several tests may create queues at once; count only the queue this test names.
            foreach (var tag in tags)
            {
                if (tag is { Key: "queue", Value: "metrics-test" })
                {
                    totals.AddOrUpdate(instrument.Name, value, (_, total) => total + value);
                }
            }
        });
        listener.Start();
    }

    public void Dispose()
    {
        listener.Dispose();
        metrics.Dispose();
    }

    [Fact]
    public async Task The_queue_reports_adds_retries_and_depth()
    {
        var clock = new ManualTimeProvider();
        using var queue = new WorkQueue<string>("metrics-test", timeProvider: clock, metrics: metrics);

        queue.Add("a");
        queue.Add("a");
        queue.Add("b");
        var taken = await queue.TakeAsync();
        queue.AddRateLimited("c");

        totals.GetValueOrDefault("kube_runtime.queue.adds").Should().Be(2, "the duplicate add was not stored");
        totals.GetValueOrDefault("kube_runtime.queue.depth").Should().Be(1, $"{taken.Item} was taken and c waits for its delay");
        totals.GetValueOrDefault("kube_runtime.queue.retries").Should().Be(1);
    }
}
