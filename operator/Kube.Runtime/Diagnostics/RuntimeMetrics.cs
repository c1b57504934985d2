using System.Diagnostics.Metrics;

namespace Kube.Runtime.Diagnostics;

/// <summary>
/// The runtime's instruments on the <c>Kube.Runtime</c> meter, so OpenTelemetry (or any MeterListener) can collect
/// queue depth, adds, retries, reconcile durations and errors, watch restarts and dropped events.
/// </summary>
public sealed class RuntimeMetrics : IDisposable
{
    /// <summary>The meter name to subscribe to.</summary>
    public const string MeterName = "Kube.Runtime";

    private readonly Meter meter;

    public RuntimeMetrics(IMeterFactory? meterFactory = null)
    {
        meter = meterFactory?.Create(MeterName) ?? new Meter(MeterName);
        QueueDepth = meter.CreateUpDownCounter<long>("kube_runtime.queue.depth", "{item}", "Items waiting in a work queue.");
        QueueAdds = meter.CreateCounter<long>("kube_runtime.queue.adds", "{item}", "Items added to a work queue.");
        QueueRetries = meter.CreateCounter<long>("kube_runtime.queue.retries", "{item}", "Rate-limited re-adds after a failure.");
        ReconcileDuration = meter.CreateHistogram<double>("kube_runtime.reconcile.duration", "s", "Time spent in one reconcile.");
        ReconcileErrors = meter.CreateCounter<long>("kube_runtime.reconcile.errors", "{error}", "Reconciles that threw or returned Failure.");
        Reconciles = meter.CreateCounter<long>("kube_runtime.reconciles", "{reconcile}", "Reconciles finished, tagged by controller and result (success, error, requeue_after).");
        WatchRestarts = meter.CreateCounter<long>("kube_runtime.watch.restarts", "{restart}", "Watch streams restarted, tagged by reason.");
        EventsDropped = meter.CreateCounter<long>("kube_runtime.events.dropped", "{event}", "Events not recorded because the recorder was full or failed.");
    }

    public UpDownCounter<long> QueueDepth { get; }

    public Counter<long> QueueAdds { get; }

    public Counter<long> QueueRetries { get; }

    public Histogram<double> ReconcileDuration { get; }

    public Counter<long> ReconcileErrors { get; }

    public Counter<long> Reconciles { get; }

    public Counter<long> WatchRestarts { get; }

    public Counter<long> EventsDropped { get; }

    public void Dispose() => meter.Dispose();
}
