using System.Collections.Immutable;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kube.Runtime.Informers;

/// <summary>
/// Keeps a local cache of one kind in step with the API server: a paged list, then a watch from the list's
/// resourceVersion. A clean end of the stream re-watches from the last seen resourceVersion; an ERROR event or
/// 410 Gone relists, reporting objects that vanished meanwhile as deleted; connection failures back off.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed class Informer<T> : IInformer
    where T : class, IKubernetesObject<T>
{
    // A watch that ends cleanly this soon without a single event is treated as a failure, so a broken proxy that
    // closes every stream at once cannot make us spin.
    private static readonly TimeSpan ShortestHealthyWatch = TimeSpan.FromSeconds(1);

    private readonly IKubeClient client;
    private readonly InformerOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly RuntimeMetrics? metrics;
    private readonly Random random;
    private readonly Lock randomLock = new();
    private readonly Lock notifyLock = new();
    private readonly IndexedStore<T> store = new();
    private readonly TaskCompletionSource synced = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly KeyValuePair<string, object?> resourceTag;
    private ImmutableArray<HandlerDispatcher<T>> dispatchers = [];
    private string? lastResourceVersion;
    private int running;
    private Func<T, T>? transform;

    public Informer(
        IKubeClient client,
        InformerOptions? options = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null,
        RuntimeMetrics? metrics = null,
        Random? random = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options ?? new InformerOptions();
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
        this.metrics = metrics;
        this.random = random ?? new Random();
        resourceTag = new("resource", T.Resource.ToString());
    }

    public ResourceType Resource => T.Resource;

    /// <summary>The cache; read it in reconcilers instead of calling the API server.</summary>
    public IObjectStore<T> Store => store;

    public bool HasSynced => synced.Task.IsCompleted;

    /// <summary>The resourceVersion the next watch would start from.</summary>
    public string? LastResourceVersion => Volatile.Read(ref lastResourceVersion);

    /// <summary>
    /// Passes every listed and watched object through <paramref name="transformObject"/> before it is cached and
    /// delivered, e.g. to drop a pod's spec that no reconciler reads: memory that grows with the cluster. Set it
    /// before the informer starts.
    /// </summary>
    public void UseTransform(Func<T, T> transformObject)
    {
        ArgumentNullException.ThrowIfNull(transformObject);
        if (Volatile.Read(ref running) != 0)
        {
            throw new InvalidOperationException($"The informer of {T.Resource} has started; set its transform before it starts.");
        }

        transform = transformObject;
    }

    /// <summary>Adds a named index to the cache, e.g. <see cref="Indexers.ByOwnerUid{T}"/>.</summary>
    public void AddIndexer(string name, IndexFunction<T> index) => store.AddIndexer(name, index);

    /// <summary>
    /// Registers a handler; objects already cached are delivered to it as added. Dispose the result to unregister,
    /// which ends the handler's dispatch loop.
    /// </summary>
    public IDisposable AddHandler(IInformerHandler<T> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        lock (notifyLock)
        {
            var dispatcher = new HandlerDispatcher<T>(handler, logger, RemoveDispatcher);
            foreach (var obj in store.List())
            {
                dispatcher.Post(new Notification<T>(NotificationKind.Added, null, obj));
            }

            ImmutableInterlocked.Update(ref dispatchers, list => list.Add(dispatcher));
            return dispatcher;
        }
    }

    public Task WaitForSyncAsync(CancellationToken cancellationToken) => synced.Task.WaitAsync(cancellationToken);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            throw new InvalidOperationException($"The informer for {T.Resource} is already running; run it once and share it.");
        }

        var resync = options.ResyncPeriod is { } period ? ResyncLoopAsync(period, cancellationToken) : Task.CompletedTask;
        try
        {
            await ListAndWatchLoopAsync(cancellationToken);
        }
        finally
        {
            await resync.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            Volatile.Write(ref running, 0);
        }
    }

    private async Task ListAndWatchLoopAsync(CancellationToken cancellationToken)
    {
        var backoff = ReconnectBackoff.ForWatches(NextRandom);
        var mustList = true;
        while (!cancellationToken.IsCancellationRequested)
        {
            var watch = new WatchProgress();
            try
            {
                if (mustList)
                {
                    await ListAsync(cancellationToken);
                    mustList = false;
                }

                var end = await WatchAsync(watch, cancellationToken);
                metrics?.WatchRestarts.Add(1, resourceTag, new("reason", end.ToString()));
                switch (end)
                {
                    case WatchEnd.Expired:
                        mustList = true;
                        continue;
                    case WatchEnd.ServerError:
                        // Relist, but not at once: a server that keeps failing must not be hammered with lists.
                        mustList = true;
                        if (!await BackOffAsync(backoff, watch, null, cancellationToken))
                        {
                            return;
                        }

                        continue;
                    case WatchEnd.Closed when watch.Events == 0 && time.GetUtcNow() - watch.StartedAt < ShortestHealthyWatch:
                        if (!await BackOffAsync(backoff, watch, null, cancellationToken))
                        {
                            return;
                        }

                        continue;
                }

                backoff.Reset();
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (GoneException) when (!mustList)
            {
                logger.LogInformation("Watch of {Resource} from resourceVersion {ResourceVersion} expired (410); relisting", T.Resource, LastResourceVersion);
                metrics?.WatchRestarts.Add(1, resourceTag, new("reason", "Gone"));
                mustList = true;
            }
#pragma warning disable CA1031 // Any failure is retried after a backoff; the informer must outlive it.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                metrics?.WatchRestarts.Add(1, resourceTag, new("reason", "Failure"));
                if (!await BackOffAsync(backoff, watch, ex, cancellationToken))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Waits out the next backoff delay; false when cancelled meanwhile.</summary>
    private async Task<bool> BackOffAsync(ReconnectBackoff backoff, WatchProgress watch, Exception? error, CancellationToken cancellationToken)
    {
        if (watch.Events > 0)
        {
            backoff.Reset();
        }

        var delay = backoff.Next();
        logger.LogWarning(error, "List or watch of {Resource} failed; retrying in {Delay}", T.Resource, delay);
        try
        {
            await Task.Delay(delay, time, cancellationToken);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task ListAsync(CancellationToken cancellationToken)
    {
        List<T> items;
        string? resourceVersion;
        try
        {
            (items, resourceVersion) = await ListPagesAsync(options.PageSize, cancellationToken);
        }
        catch (GoneException)
        {
            // The continue token expired between pages; one unpaged list is consistent by construction.
            logger.LogInformation("List continuation of {Resource} expired; listing again without paging", T.Resource);
            (items, resourceVersion) = await ListPagesAsync(null, cancellationToken);
        }

        if (transform is { } change)
        {
            items = items.ConvertAll(item => change(item));
        }

        lock (notifyLock)
        {
            foreach (var notification in RelistChanges.Between(store.Replace(items), items))
            {
                Notify(notification);
            }

            Volatile.Write(ref lastResourceVersion, resourceVersion);
        }

        synced.TrySetResult();
    }

    private async Task<(List<T> Items, string? ResourceVersion)> ListPagesAsync(int? pageSize, CancellationToken cancellationToken)
    {
        var items = new List<T>();
        string? continueToken = null;
        string? resourceVersion;
        do
        {
            var page = await client.ListAsync<T>(
                options.Namespace,
                new ListOptions
                {
                    LabelSelector = options.LabelSelector,
                    FieldSelector = options.FieldSelector,
                    Limit = pageSize,
                    Continue = continueToken,
                },
                cancellationToken);
            items.AddRange(page.Items);
            resourceVersion = page.Metadata.ResourceVersion;
            continueToken = page.Metadata.Continue;
        }
        while (!string.IsNullOrEmpty(continueToken));

        return (items, resourceVersion);
    }

    private async Task<WatchEnd> WatchAsync(WatchProgress progress, CancellationToken cancellationToken)
    {
        var span = options.MaxWatchTimeout - options.MinWatchTimeout;
        var watchOptions = new WatchOptions
        {
            ResourceVersion = LastResourceVersion,
            LabelSelector = options.LabelSelector,
            FieldSelector = options.FieldSelector,
            AllowWatchBookmarks = true,
            Timeout = options.MinWatchTimeout + (span * NextRandom()),
        };

        // A half-open connection delivers nothing and never ends; the server ends every stream at its timeout,
        // so a stream still open well past it is dead and is abandoned.
        var abandonAfter = watchOptions.Timeout.Value + options.StuckWatchGrace;
        using var watchdog = new CancellationTokenSource(abandonAfter, time);
        using var watchCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, watchdog.Token);
        progress.StartedAt = time.GetUtcNow();
        try
        {
            return await ConsumeAsync(watchOptions, progress, watchCancellation.Token);
        }
        catch (OperationCanceledException) when (watchdog.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The watch of {T.Resource} was still open {abandonAfter} after it started, past its server timeout; abandoning it as dead.");
        }
    }

    private async Task<WatchEnd> ConsumeAsync(WatchOptions watchOptions, WatchProgress progress, CancellationToken cancellationToken)
    {
        await foreach (var watchEvent in client.WatchAsync<T>(options.Namespace, watchOptions, cancellationToken).WithCancellation(cancellationToken))
        {
            progress.Events++;
            if (watchEvent.Type == "ERROR")
            {
                var error = watchEvent.Error;
                var expired = error?.Code == 410;
                logger.Log(
                    expired ? LogLevel.Information : LogLevel.Warning,
                    "Watch of {Resource} ended with an ERROR event ({Code} {Reason}: {Message}); relisting",
                    T.Resource,
                    error?.Code,
                    error?.Reason,
                    error?.Message);
                return expired ? WatchEnd.Expired : WatchEnd.ServerError;
            }

            Apply(watchEvent);
        }

        return WatchEnd.Closed;
    }

    private void Apply(WatchEvent<T> watchEvent)
    {
        if (watchEvent.Type == "BOOKMARK")
        {
            if (watchEvent.ResourceVersion is { Length: > 0 } bookmarked)
            {
                Volatile.Write(ref lastResourceVersion, bookmarked);
            }

            return;
        }

        if (watchEvent.Object is not { } obj)
        {
            logger.LogWarning("Watch of {Resource} sent a {Type} event without an object; ignored", T.Resource, watchEvent.Type);
            return;
        }

        obj = transform?.Invoke(obj) ?? obj;

        lock (notifyLock)
        {
            switch (watchEvent.Type)
            {
                case "ADDED" or "MODIFIED":
                    var old = store.Upsert(obj);
                    Notify(old is null
                        ? new Notification<T>(NotificationKind.Added, null, obj)
                        : new Notification<T>(NotificationKind.Updated, old, obj));
                    break;
                case "DELETED":
                    store.Delete(ObjectKey.From(obj));
                    Notify(new Notification<T>(NotificationKind.Deleted, null, obj));
                    break;
                default:
                    logger.LogWarning("Watch of {Resource} sent an unknown event type {Type}; ignored", T.Resource, watchEvent.Type);
                    return;
            }

            if (obj.Metadata.ResourceVersion is { Length: > 0 } resourceVersion)
            {
                Volatile.Write(ref lastResourceVersion, resourceVersion);
            }
        }
    }

    private async Task ResyncLoopAsync(TimeSpan period, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(period + (period * (0.1 * NextRandom())), time, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            if (!HasSynced)
            {
                continue;
            }

            lock (notifyLock)
            {
                foreach (var obj in store.List())
                {
                    Notify(new Notification<T>(NotificationKind.Updated, obj, obj));
                }
            }
        }
    }

    private void Notify(Notification<T> notification)
    {
        foreach (var dispatcher in dispatchers)
        {
            dispatcher.Post(notification);
        }
    }

    private void RemoveDispatcher(HandlerDispatcher<T> dispatcher) =>
        ImmutableInterlocked.Update(ref dispatchers, list => list.Remove(dispatcher));

    private double NextRandom()
    {
        lock (randomLock)
        {
            return random.NextDouble();
        }
    }
}
