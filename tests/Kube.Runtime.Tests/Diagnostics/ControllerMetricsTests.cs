using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Kube.Runtime.Controllers;
using Kube.Runtime.Diagnostics;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Diagnostics;

public sealed class ControllerMetricsTests : IDisposable
{
    private readonly string name = "metrics-" + Guid.NewGuid().ToString("N")[..8];
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, long> reconciles = new();
    private readonly ConcurrentBag<string> histogramControllers = [];

    public ControllerMetricsTests()
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
            var tagged = tags.ToArray();
            if (instrument.Name == "kube_runtime.reconciles" && tagged.Any(tag => tag is { Key: "controller" } && (string?)tag.Value == name))
            {
                var result = (string)tagged.Single(tag => tag.Key == "result").Value!;
                reconciles.AddOrUpdate(result, value, (_, total) => total + value);
            }
        });
        listener.SetMeasurementEventCallback<double>((instrument, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (instrument.Name == "kube_runtime.reconcile.duration" && tag is { Key: "controller" } && (string?)tag.Value == name)
                {
                    histogramControllers.Add(name);
                }
            }
        });
        listener.Start();
    }

    [Fact]
    public async Task A_controller_without_shared_metrics_still_counts_reconciles_by_result_and_times_them()
    {
        var clock = new ManualTimeProvider();
        var reconciler = new DelegateReconciler((key, _) => Task.FromResult(key.Name switch
        {
            "ok" => ReconcileResult.Success,
            "later" => ReconcileResult.RequeueAfter(TimeSpan.FromMinutes(5)),
            _ => ReconcileResult.Failure("not yet"),
        }));
        using var controller = new Controller(name, reconciler, timeProvider: clock);
        using var stop = new CancellationTokenSource();
        var run = controller.RunAsync(stop.Token);

        controller.Queue.Add(new("default", "ok"));
        controller.Queue.Add(new("default", "later"));
        controller.Queue.Add(new("default", "broken"));
        await Eventually.TrueAsync(() => reconciler.Calls.Count == 3, "all three were reconciled once");
        await stop.CancelAsync();
        await run;

        reconciles.Should().BeEquivalentTo(new Dictionary<string, long> { ["success"] = 1, ["requeue_after"] = 1, ["error"] = 1 });
        histogramControllers.Should().HaveCount(3);
    }

    public void Dispose() => listener.Dispose();
}
