namespace Kube.Runtime.Queue;

/// <summary>Combines limiters: the delay is the longest any of them asks for.</summary>
/// <typeparam name="T">The item type.</typeparam>
public sealed class MaxOfRateLimiter<T>(params IRateLimiter<T>[] limiters) : IRateLimiter<T>
    where T : notnull
{
    public TimeSpan When(T item) => limiters.Select(limiter => limiter.When(item)).DefaultIfEmpty(TimeSpan.Zero).Max();

    public void Forget(T item)
    {
        foreach (var limiter in limiters)
        {
            limiter.Forget(item);
        }
    }

    public int NumRequeues(T item) => limiters.Select(limiter => limiter.NumRequeues(item)).DefaultIfEmpty(0).Max();
}
