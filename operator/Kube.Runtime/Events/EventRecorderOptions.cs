namespace Kube.Runtime.Events;

/// <summary>Who reports events, and how the recorder bounds its work.</summary>
public sealed record EventRecorderOptions
{
    /// <summary>The controller's name, e.g. <c>paas.example.com/operator</c>.</summary>
    public required string ReportingController { get; init; }

    /// <summary>This replica, e.g. the pod name.</summary>
    public required string ReportingInstance { get; init; }

    /// <summary>Events waiting to be written; beyond this they are dropped and counted.</summary>
    public int Capacity { get; init; } = 1000;

    /// <summary>A repeat of the same event within this window updates the first one's series instead of creating another.</summary>
    public TimeSpan AggregationWindow { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Distinct recent events remembered for aggregation; the oldest are forgotten beyond this.</summary>
    public int MaxRememberedEvents { get; init; } = 4096;

    /// <summary>On shutdown, how long to keep writing events that are still queued.</summary>
    public TimeSpan ShutdownFlushTimeout { get; init; } = TimeSpan.FromSeconds(5);
}
