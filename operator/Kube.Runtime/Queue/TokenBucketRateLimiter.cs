namespace Kube.Runtime.Queue;

/// <summary>
/// An overall limit across all items: a bucket of <c>burst</c> tokens refilled at <c>qps</c> per second. Each retry
/// reserves a token, possibly in the future, and waits until then; it keeps a storm of failures from flooding the API.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class TokenBucketRateLimiter<T> : IRateLimiter<T>
    where T : notnull
{
    private readonly Lock sync = new();
    private readonly double qps;
    private readonly int burst;
    private readonly TimeProvider time;
    private double tokens;
    private DateTimeOffset last;

    public TokenBucketRateLimiter(double qps, int burst, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(qps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(burst);
        this.qps = qps;
        this.burst = burst;
        time = timeProvider ?? TimeProvider.System;
        tokens = burst;
        last = time.GetUtcNow();
    }

    public TimeSpan When(T item)
    {
        lock (sync)
        {
            var now = time.GetUtcNow();
            if (now > last)
            {
                tokens = Math.Min(burst, tokens + ((now - last).TotalSeconds * qps));
                last = now;
            }

            tokens -= 1;
            return tokens >= 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(-tokens / qps);
        }
    }

    public void Forget(T item)
    {
    }

    public int NumRequeues(T item) => 0;
}
