namespace Kube.Runtime.Queue;

/// <summary>The rate limiters controllers use unless told otherwise.</summary>
public static class RateLimiters
{
    /// <summary>
    /// client-go's default: per-item backoff from 5 ms doubling to 1000 s, combined (max) with an overall bucket of
    /// 10 retries per second and a burst of 100.
    /// </summary>
    public static IRateLimiter<T> ControllerDefault<T>(TimeProvider? timeProvider = null)
        where T : notnull
        => new MaxOfRateLimiter<T>(
            new ItemExponentialRateLimiter<T>(TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(1000)),
            new TokenBucketRateLimiter<T>(qps: 10, burst: 100, timeProvider));
}
