namespace Kube.Runtime.Queue;

/// <summary>Per-item exponential backoff: base, 2×base, 4×base, ... up to a maximum, until the item is forgotten.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class ItemExponentialRateLimiter<T>(TimeSpan baseDelay, TimeSpan maxDelay) : IRateLimiter<T>
    where T : notnull
{
    private readonly Lock sync = new();
    private readonly Dictionary<T, int> failures = [];

    public TimeSpan When(T item)
    {
        int exponent;
        lock (sync)
        {
            exponent = failures.GetValueOrDefault(item);
            failures[item] = exponent + 1;
        }

        // Compare in doubles first: 2^exponent overflows TimeSpan long before the item stops failing.
        var ticks = baseDelay.Ticks * Math.Pow(2, exponent);
        return ticks >= maxDelay.Ticks ? maxDelay : TimeSpan.FromTicks((long)ticks);
    }

    public void Forget(T item)
    {
        lock (sync)
        {
            failures.Remove(item);
        }
    }

    public int NumRequeues(T item)
    {
        lock (sync)
        {
            return failures.GetValueOrDefault(item);
        }
    }
}
