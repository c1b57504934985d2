namespace Kube.Runtime.Queue;

/// <summary>Decides how long an item waits before it is retried.</summary>
/// <typeparam name="T">The item type.</typeparam>
public interface IRateLimiter<in T>
    where T : notnull
{
    /// <summary>The delay before this retry of the item; each call counts as one retry.</summary>
    TimeSpan When(T item);

    /// <summary>Clears the item's failure history, e.g. after it was processed successfully.</summary>
    void Forget(T item);

    /// <summary>How many times the item was retried since it was last forgotten.</summary>
    int NumRequeues(T item);
}
