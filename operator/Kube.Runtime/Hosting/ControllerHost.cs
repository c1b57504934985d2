using Kube.Runtime.Controllers;
using Kube.Runtime.Informers;
using Kube.Runtime.Leadership;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kube.Runtime.Hosting;

/// <summary>
/// Runs an operator's pieces in the right order: informers start and fill their caches on every replica (so a new
/// leader starts warm); controllers run only while this replica leads (or at once without an elector). On
/// cancellation, controllers stop taking work and drain in-flight reconciles, then the lease is released, and only
/// then do informers and background loops (such as the event recorder) stop.
/// </summary>
public sealed class ControllerHost
{
    private readonly List<IInformer> informers = [];
    private readonly List<Controller> controllers = [];
    private readonly List<(string Name, Func<CancellationToken, Task> Run)> background = [];
    private readonly LeaderElector? elector;
    private readonly ControllerHostOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private volatile bool isActive;

    /// <summary>A host whose controllers run while <paramref name="elector"/> leads; a null elector runs them at once.</summary>
    public ControllerHost(LeaderElector? elector = null, ControllerHostOptions? options = null, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        this.elector = elector;
        this.options = options ?? new ControllerHostOptions();
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
    }

    /// <summary>True when every informer has filled its cache; use it for the readiness probe.</summary>
    public bool HasSynced => informers.TrueForAll(informer => informer.HasSynced);

    /// <summary>True while controllers run: this replica leads, or election is off.</summary>
    public bool IsActive => isActive;

    public ControllerHost Add(IInformer informer)
    {
        informers.Add(informer ?? throw new ArgumentNullException(nameof(informer)));
        return this;
    }

    public ControllerHost Add(Controller controller)
    {
        controllers.Add(controller ?? throw new ArgumentNullException(nameof(controller)));
        return this;
    }

    /// <summary>A loop that runs on every replica until the host stops, e.g. <c>EventRecorder.RunAsync</c>.</summary>
    public ControllerHost AddBackground(string name, Func<CancellationToken, Task> run)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        background.Add((name, run ?? throw new ArgumentNullException(nameof(run))));
        return this;
    }

    /// <summary>Runs until cancelled, then shuts down in order; see the type's summary.</summary>
    /// <exception cref="TimeoutException">The caches did not sync within <see cref="ControllerHostOptions.CacheSyncTimeout"/>.</exception>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var infrastructure = new CancellationTokenSource();
        var running = informers.Select(informer => Supervise(informer.Resource.ToString(), informer.RunAsync, infrastructure.Token))
            .Concat(background.Select(loop => Supervise(loop.Name, loop.Run, infrastructure.Token)))
            .ToList();
        try
        {
            await WaitForCachesAsync(cancellationToken);
            if (elector is null)
            {
                await RunControllersAsync(cancellationToken);
            }
            else
            {
                await elector.RunAsync(RunControllersAsync, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            await infrastructure.CancelAsync();
            await Task.WhenAll(running);
            logger.LogInformation("Controller host stopped");
        }
    }

    private async Task WaitForCachesAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("Waiting for {Count} informer caches to sync", informers.Count);
        try
        {
            await Task.WhenAll(informers.Select(informer => informer.WaitForSyncAsync(cancellationToken)))
                .WaitAsync(options.CacheSyncTimeout, time, cancellationToken);
        }
        catch (TimeoutException)
        {
            var missing = string.Join(", ", informers.Where(informer => !informer.HasSynced).Select(informer => informer.Resource));
            throw new TimeoutException(
                $"Caches for {missing} did not sync within {options.CacheSyncTimeout}; check that the API server is reachable and that the service account may list and watch them.");
        }
    }

    private async Task RunControllersAsync(CancellationToken cancellationToken)
    {
        isActive = true;
        try
        {
            logger.LogInformation("Starting {Count} controllers", controllers.Count);
            await Task.WhenAll(controllers.Select(controller => controller.RunAsync(cancellationToken)));

            // Leading lasts until shutdown even with no controllers registered: returning would release the lease.
            await Task.Delay(Timeout.Infinite, cancellationToken)
                .ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
        finally
        {
            isActive = false;
        }
    }

    private async Task Supervise(string name, Func<CancellationToken, Task> run, CancellationToken cancellationToken)
    {
        try
        {
            await run(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // One failed loop is logged; the others and the shutdown order still matter.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogError(ex, "{Name} stopped with an error", name);
        }
    }
}
