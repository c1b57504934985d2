using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Diagnostics;
using Kube.Runtime.Informers;
using Kube.Runtime.Queue;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kube.Runtime.Controllers;

/// <summary>
/// Runs a reconciler: informer notifications become keys on a de-duplicating rate-limited queue, and a fixed number
/// of workers take keys and reconcile them, never the same key on two workers at once. See <see cref="IReconciler"/>
/// for what each outcome does.
/// </summary>
public sealed class Controller : IDisposable
{
    private static readonly KeyValuePair<string, object?> ErrorResult = new("result", "error");
    private readonly IReconciler reconciler;
    private readonly ControllerOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly RuntimeMetrics? metrics;
    private readonly RuntimeMetrics? ownedMetrics;
    private readonly WorkQueue<ObjectKey> queue;
    private readonly List<IDisposable> registrations = [];
    private readonly KeyValuePair<string, object?> controllerTag;
    private int running;

    public Controller(
        string name,
        IReconciler reconciler,
        ControllerOptions? options = null,
        ILogger? logger = null,
        TimeProvider? timeProvider = null,
        RuntimeMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        this.reconciler = reconciler ?? throw new ArgumentNullException(nameof(reconciler));
        this.options = options ?? new ControllerOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(this.options.Workers, "options.Workers");
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
        // Without a shared instance the controller owns one, so reconcile and queue metrics are always published;
        // a MeterListener (the /metrics exporter) merges the instruments of every Kube.Runtime meter by name.
        ownedMetrics = metrics is null ? new RuntimeMetrics() : null;
        this.metrics = metrics ?? ownedMetrics;
        Name = name;
        controllerTag = new("controller", name);
        queue = new WorkQueue<ObjectKey>(name, this.options.RateLimiter ?? RateLimiters.ControllerDefault<ObjectKey>(time), time, this.metrics);
    }

    public string Name { get; }

    /// <summary>The controller's queue, for callers that trigger reconciles from outside an informer.</summary>
    public WorkQueue<ObjectKey> Queue => queue;

    /// <summary>Reconciles an object of the primary kind whenever it changes in any way (spec, status, metadata).</summary>
    public Controller For<T>(Informer<T> informer)
        where T : class, IKubernetesObject<T>
        => Watches(informer, obj => [ObjectKey.From(obj)]);

    /// <summary>Reconciles the controlling owner of <typeparamref name="TOwner"/> kind when an owned object changes.</summary>
    public Controller Owns<TOwned, TOwner>(Informer<TOwned> informer)
        where TOwned : class, IKubernetesObject<TOwned>
        where TOwner : IKubernetesObject<TOwner>
        => Owns(informer, TOwner.Resource);

    /// <summary>Reconciles the controlling owner of the given kind when an owned object changes.</summary>
    public Controller Owns<TOwned>(Informer<TOwned> informer, ResourceType ownerType)
        where TOwned : class, IKubernetesObject<TOwned>
        => Watches(informer, obj => OwnerKeys.ControllerOf(obj, ownerType));

    /// <summary>Reconciles the keys <paramref name="map"/> returns for each changed object of another kind.</summary>
    public Controller Watches<T>(Informer<T> informer, Func<T, IEnumerable<ObjectKey>> map)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(informer);
        ArgumentNullException.ThrowIfNull(map);
        lock (registrations)
        {
            registrations.Add(informer.AddHandler(new EnqueueHandler<T>(queue, map)));
        }

        return this;
    }

    /// <summary>
    /// Runs the workers until cancelled; then stops intake, lets in-flight reconciles finish for up to
    /// <see cref="ControllerOptions.DrainTimeout"/>, cancels the stragglers' token and returns when all have stopped.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref running, 1) == 1)
        {
            throw new InvalidOperationException($"Controller '{Name}' is already running.");
        }

        using var reconcileCancellation = new CancellationTokenSource();
        var workers = Enumerable.Range(0, options.Workers)
            .Select(_ => Task.Run(() => WorkAsync(reconcileCancellation.Token), CancellationToken.None))
            .ToArray();
        logger.LogInformation("Controller {Controller} started {Workers} workers", Name, options.Workers);

        var allWorkers = Task.WhenAll(workers);
        await Task.WhenAny(allWorkers, Task.Delay(Timeout.Infinite, cancellationToken));
        queue.ShutDown();
        try
        {
            await allWorkers.WaitAsync(options.DrainTimeout, time, CancellationToken.None);
        }
        catch (TimeoutException)
        {
            logger.LogWarning("Controller {Controller}: reconciles still running after {DrainTimeout}; cancelling them", Name, options.DrainTimeout);
            await reconcileCancellation.CancelAsync();
            await allWorkers;
        }

        logger.LogInformation("Controller {Controller} stopped", Name);
    }

    public void Dispose()
    {
        lock (registrations)
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }

            registrations.Clear();
        }

        queue.Dispose();
        ownedMetrics?.Dispose();
    }

    private async Task WorkAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var next = await queue.TakeAsync(CancellationToken.None);
            if (next.ShutDown)
            {
                return;
            }

            try
            {
                await ReconcileAsync(next.Item, cancellationToken);
            }
            finally
            {
                queue.Done(next.Item);
            }
        }
    }

    private async Task ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        ReconcileResult result;
        try
        {
            result = await reconciler.ReconcileAsync(key, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogInformation("Controller {Controller}: reconcile of {Key} cancelled by shutdown", Name, key);
            return;
        }
#pragma warning disable CA1031 // A reconciler's exception is a failed attempt, never the end of a worker.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            metrics?.ReconcileErrors.Add(1, controllerTag);
            metrics?.Reconciles.Add(1, controllerTag, ErrorResult);
            logger.LogError(ex, "Controller {Controller}: reconcile of {Key} threw; retrying with backoff", Name, key);
            queue.AddRateLimited(key);
            return;
        }
        finally
        {
            metrics?.ReconcileDuration.Record(time.GetElapsedTime(started).TotalSeconds, controllerTag);
        }

        switch (result.Outcome)
        {
            case ReconcileOutcome.Failure:
                metrics?.ReconcileErrors.Add(1, controllerTag);
                metrics?.Reconciles.Add(1, controllerTag, ErrorResult);
                logger.LogWarning("Controller {Controller}: reconcile of {Key} failed: {Reason}; retrying with backoff", Name, key, result.Reason);
                queue.AddRateLimited(key);
                break;
            case ReconcileOutcome.RequeueAfter:
                metrics?.Reconciles.Add(1, controllerTag, new KeyValuePair<string, object?>("result", "requeue_after"));
                queue.Forget(key);
                queue.AddAfter(key, result.Delay ?? TimeSpan.Zero);
                break;
            default:
                metrics?.Reconciles.Add(1, controllerTag, new KeyValuePair<string, object?>("result", "success"));
                queue.Forget(key);
                break;
        }
    }
}
