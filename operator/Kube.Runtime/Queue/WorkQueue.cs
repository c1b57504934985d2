using Kube.Runtime.Diagnostics;

namespace Kube.Runtime.Queue;

/// <summary>
/// A de-duplicating, delaying, rate-limited work queue with client-go's guarantees: an item waiting in the queue is
/// stored once however often it is added; an item being processed is never handed to a second worker, and if it is
/// added meanwhile it is processed again after <see cref="Done"/>.
/// </summary>
/// <typeparam name="T">The item type, usually an object key.</typeparam>
public sealed class WorkQueue<T> : IDisposable
    where T : notnull
{
    private readonly Lock sync = new();
    private readonly Queue<T> ready = new();
    private readonly HashSet<T> dirty = [];
    private readonly HashSet<T> processing = [];
    private readonly LinkedList<TaskCompletionSource<Dequeued<T>>> takers = new();
    private readonly Dictionary<T, DelayedItem> delayed = [];
    private readonly IRateLimiter<T> rateLimiter;
    private readonly TimeProvider time;
    private readonly RuntimeMetrics? metrics;
    private readonly KeyValuePair<string, object?> nameTag;
    private TaskCompletionSource? drained;
    private bool shuttingDown;

    public WorkQueue(string name, IRateLimiter<T>? rateLimiter = null, TimeProvider? timeProvider = null, RuntimeMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Name = name;
        time = timeProvider ?? TimeProvider.System;
        this.rateLimiter = rateLimiter ?? RateLimiters.ControllerDefault<T>(time);
        this.metrics = metrics;
        nameTag = new("queue", name);

        // Publishes the series at 0, so a queue whose items always go straight to an idle worker still reports its depth.
        metrics?.QueueDepth.Add(0, nameTag);
    }

    public string Name { get; }

    /// <summary>Items ready to be taken (not those being processed or waiting for a delay).</summary>
    public int Count
    {
        get
        {
            lock (sync)
            {
                return ready.Count;
            }
        }
    }

    public bool IsShuttingDown
    {
        get
        {
            lock (sync)
            {
                return shuttingDown;
            }
        }
    }

    /// <summary>Queues the item unless it is already waiting; ignored after shutdown.</summary>
    public void Add(T item)
    {
        lock (sync)
        {
            if (shuttingDown || !dirty.Add(item))
            {
                return;
            }

            metrics?.QueueAdds.Add(1, nameTag);
            if (processing.Contains(item))
            {
                return;
            }

            EnqueueLocked(item);
        }
    }

    /// <summary>Queues the item after a delay; a pending earlier delay for the same item wins.</summary>
    public void AddAfter(T item, TimeSpan delay)
    {
        if (delay <= TimeSpan.Zero)
        {
            Add(item);
            return;
        }

        lock (sync)
        {
            if (shuttingDown)
            {
                return;
            }

            var readyAt = time.GetUtcNow() + delay;
            if (delayed.TryGetValue(item, out var existing))
            {
                if (existing.ReadyAt <= readyAt)
                {
                    return;
                }

                existing.Timer?.Dispose();
            }

            var entry = new DelayedItem(readyAt);
            delayed[item] = entry;
            entry.Timer = time.CreateTimer(_ => Release(item, entry), null, delay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>Queues the item after the rate limiter's delay for it; call after a failed attempt.</summary>
    public void AddRateLimited(T item)
    {
        metrics?.QueueRetries.Add(1, nameTag);
        AddAfter(item, rateLimiter.When(item));
    }

    /// <summary>Clears the item's failure history so its next failure starts from the shortest backoff.</summary>
    public void Forget(T item) => rateLimiter.Forget(item);

    public int NumRequeues(T item) => rateLimiter.NumRequeues(item);

    /// <summary>Waits for an item and marks it as processing; call <see cref="Done"/> when finished with it.</summary>
    public Task<Dequeued<T>> TakeAsync(CancellationToken cancellationToken = default)
    {
        TaskCompletionSource<Dequeued<T>> taker;
        LinkedListNode<TaskCompletionSource<Dequeued<T>>> node;
        lock (sync)
        {
            if (ready.Count > 0)
            {
                return Task.FromResult(new Dequeued<T>(DequeueLocked(), false));
            }

            if (shuttingDown)
            {
                return Task.FromResult(new Dequeued<T>(default!, true));
            }

            cancellationToken.ThrowIfCancellationRequested();
            taker = new TaskCompletionSource<Dequeued<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = takers.AddLast(taker);
        }

        if (cancellationToken.CanBeCanceled)
        {
            var registration = cancellationToken.Register(() =>
            {
                lock (sync)
                {
                    if (node.List is not null)
                    {
                        takers.Remove(node);
                        taker.TrySetCanceled(cancellationToken);
                    }
                }
            });
            taker.Task.ContinueWith(_ => registration.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return taker.Task;
    }

    /// <summary>Ends processing of the item; if it was added meanwhile, it is queued again now.</summary>
    public void Done(T item)
    {
        lock (sync)
        {
            processing.Remove(item);
            if (dirty.Contains(item) && !shuttingDown)
            {
                EnqueueLocked(item);
            }

            if (shuttingDown && processing.Count == 0)
            {
                drained?.TrySetResult();
            }
        }
    }

    /// <summary>
    /// Stops intake: adds are ignored, waiting and delayed items are dropped (state is level-triggered, so whoever
    /// runs next lists everything again), and takers learn of the shutdown. Items being processed may finish.
    /// </summary>
    public void ShutDown()
    {
        lock (sync)
        {
            if (shuttingDown)
            {
                return;
            }

            shuttingDown = true;
            metrics?.QueueDepth.Add(-ready.Count, nameTag);
            ready.Clear();
            dirty.Clear();
            foreach (var entry in delayed.Values)
            {
                entry.Timer?.Dispose();
            }

            delayed.Clear();
            foreach (var taker in takers)
            {
                taker.TrySetResult(new Dequeued<T>(default!, true));
            }

            takers.Clear();
        }
    }

    /// <summary>Shuts down and waits until every item being processed is <see cref="Done"/>.</summary>
    public Task ShutDownWithDrainAsync(CancellationToken cancellationToken = default)
    {
        ShutDown();
        lock (sync)
        {
            if (processing.Count == 0)
            {
                return Task.CompletedTask;
            }

            drained ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            return drained.Task.WaitAsync(cancellationToken);
        }
    }

    public void Dispose() => ShutDown();

    private void Release(T item, DelayedItem entry)
    {
        lock (sync)
        {
            if (!delayed.TryGetValue(item, out var current) || !ReferenceEquals(current, entry))
            {
                return;
            }

            delayed.Remove(item);
            entry.Timer?.Dispose();
        }

        Add(item);
    }

    private void EnqueueLocked(T item)
    {
        while (takers.First is { } first)
        {
            takers.RemoveFirst();
            dirty.Remove(item);
            processing.Add(item);
            if (first.Value.TrySetResult(new Dequeued<T>(item, false)))
            {
                return;
            }

            processing.Remove(item);
            dirty.Add(item);
        }

        ready.Enqueue(item);
        metrics?.QueueDepth.Add(1, nameTag);
    }

    private T DequeueLocked()
    {
        var item = ready.Dequeue();
        metrics?.QueueDepth.Add(-1, nameTag);
        dirty.Remove(item);
        processing.Add(item);
        return item;
    }

    private sealed class DelayedItem(DateTimeOffset readyAt)
    {
        public DateTimeOffset ReadyAt { get; } = readyAt;

        public ITimer? Timer { get; set; }
    }
}
