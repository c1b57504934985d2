namespace Kube.Runtime.Hosting;

/// <summary>How the host waits for caches.</summary>
public sealed record ControllerHostOptions
{
    /// <summary>Give up (and fail the run, so the pod restarts) if the caches have not filled by then.</summary>
    public TimeSpan CacheSyncTimeout { get; init; } = TimeSpan.FromMinutes(2);
}
