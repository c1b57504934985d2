using Kube.Runtime.Cache;
using Kube.Runtime.Queue;

namespace Kube.Runtime.Controllers;

/// <summary>How a controller runs its reconciler.</summary>
public sealed record ControllerOptions
{
    /// <summary>Reconciles that may run at once, each for a different key.</summary>
    public int Workers { get; init; } = 2;

    /// <summary>On shutdown, how long in-flight reconciles may finish before their token is cancelled.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>The retry policy; null takes <see cref="RateLimiters.ControllerDefault{T}"/>.</summary>
    public IRateLimiter<ObjectKey>? RateLimiter { get; init; }
}
