using Kube.Client;
using Kube.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kube.Runtime.Leadership;

/// <summary>
/// Leader election on a coordination.k8s.io/v1 Lease, the client-go way: a lease is free when it is absent, released
/// (no holder) or not seen to change for its duration by OUR clock, so clock skew between replicas does not matter.
/// The leader renews every retry period by an update carrying the resourceVersion; if it cannot renew for the renew
/// deadline it stops leading and calls <see cref="LeaderElectionOptions.OnStoppedLeading"/>.
/// </summary>
public sealed class LeaderElector
{
    private readonly IKubeClient client;
    private readonly LeaderElectionOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly Random random;
    private LeaseSpec? observedSpec;
    private DateTimeOffset observedAt;
    private Lease? lastLease;
    private volatile bool isLeader;

    public LeaderElector(IKubeClient client, LeaderElectionOptions options, ILogger? logger = null, TimeProvider? timeProvider = null, Random? random = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException($"Leader election options are invalid: {string.Join(" ", problems)}", nameof(options));
        }

        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
        this.random = random ?? new Random();
    }

    public bool IsLeader => isLeader;

    public string Identity => options.Identity;

    /// <summary>
    /// Waits to acquire the lease, then runs <paramref name="whileLeading"/> with a token that is cancelled when
    /// <paramref name="cancellationToken"/> is, or when leadership is lost. The lease is renewed until
    /// <paramref name="whileLeading"/> returns (so a graceful drain keeps it) and then released so a successor
    /// takes over at once. Returns false if cancelled before leading.
    /// </summary>
    public async Task<bool> RunAsync(Func<CancellationToken, Task> whileLeading, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(whileLeading);
        if (!await AcquireAsync(cancellationToken))
        {
            return false;
        }

        using var leading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var stopRenewing = new CancellationTokenSource();
        var work = Task.Run(() => whileLeading(leading.Token), CancellationToken.None);
        var renewing = RenewUntilLostAsync(stopRenewing.Token);
        if (await Task.WhenAny(work, renewing) == renewing && await renewing)
        {
            isLeader = false;
            logger.LogError("Lost the lease {Namespace}/{Lease}; stopping leading", options.LeaseNamespace, options.LeaseName);
            await leading.CancelAsync();
            StopLeading();
            await work.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            return true;
        }

        await stopRenewing.CancelAsync();
        await renewing;
        try
        {
            await work;
        }
        catch (OperationCanceledException) when (leading.IsCancellationRequested)
        {
        }
        finally
        {
            await ReleaseAsync();
        }

        return true;
    }

    /// <summary>One client-go style attempt: read, judge by locally observed time, then create or update.</summary>
    internal async Task<LeaseAttempt> TryAcquireOrRenewAsync(CancellationToken cancellationToken)
    {
        try
        {
            var now = time.GetUtcNow();
            var lease = await client.TryGetAsync<Lease>(options.LeaseName, options.LeaseNamespace, cancellationToken);
            if (lease is null)
            {
                return Observe(await client.CreateAsync(NewLease(now), cancellationToken), now);
            }

            var spec = lease.Spec ?? new LeaseSpec();
            if (spec != observedSpec)
            {
                observedSpec = spec;
                observedAt = now;
            }

            var holder = spec.HolderIdentity;
            var ours = holder == options.Identity;
            var duration = TimeSpan.FromSeconds(spec.LeaseDurationSeconds ?? (int)options.LeaseDuration.TotalSeconds);
            if (!string.IsNullOrEmpty(holder) && !ours && observedAt + duration > now)
            {
                return LeaseAttempt.HeldByOther;
            }

            var renewed = lease with
            {
                Spec = spec with
                {
                    HolderIdentity = options.Identity,
                    LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds,
                    RenewTime = now,
                    AcquireTime = ours ? spec.AcquireTime ?? now : now,
                    LeaseTransitions = ours ? spec.LeaseTransitions ?? 0 : (spec.LeaseTransitions ?? 0) + 1,
                },
            };
            return Observe(await client.ReplaceAsync(renewed, cancellationToken), now);
        }
        catch (KubeApiException ex) when (ex is ConflictException or AlreadyExistsException)
        {
            logger.LogDebug("Lease {Lease} changed under us ({Reason}); re-reading next time", options.LeaseName, ex.Reason);
            return LeaseAttempt.Failed;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return LeaseAttempt.Failed;
        }
#pragma warning disable CA1031 // Any failure is one failed attempt; the renew deadline decides what it means.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not acquire or renew lease {Namespace}/{Lease}", options.LeaseNamespace, options.LeaseName);
            return LeaseAttempt.Failed;
        }
    }

    /// <summary>Gives the lease up (no holder, 1 s duration) so a successor need not wait for it to expire.</summary>
    internal async Task ReleaseAsync()
    {
        isLeader = false;
        if (lastLease?.Spec?.HolderIdentity != options.Identity)
        {
            return;
        }

        using var timeout = new CancellationTokenSource(options.RenewDeadline, time);
        try
        {
            for (var attempt = 0; attempt < 2 && lastLease?.Spec?.HolderIdentity == options.Identity; attempt++)
            {
                try
                {
                    var now = time.GetUtcNow();
                    var released = lastLease with
                    {
                        Spec = lastLease.Spec with { HolderIdentity = string.Empty, LeaseDurationSeconds = 1, RenewTime = now, AcquireTime = now },
                    };
                    lastLease = await client.ReplaceAsync(released, timeout.Token);
                    logger.LogInformation("Released lease {Namespace}/{Lease}", options.LeaseNamespace, options.LeaseName);
                }
                catch (ConflictException)
                {
                    // Our copy is stale (say, a renewal landed but its answer was lost); release the current one if it is still ours.
                    lastLease = await client.TryGetAsync<Lease>(options.LeaseName, options.LeaseNamespace, timeout.Token);
                }
            }
        }
#pragma warning disable CA1031 // A failed release only delays the successor by one lease duration.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not release lease {Namespace}/{Lease}; the successor waits for it to expire", options.LeaseNamespace, options.LeaseName);
        }
    }

    private async Task<bool> AcquireAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("{Identity} is waiting to lead via lease {Namespace}/{Lease}", options.Identity, options.LeaseNamespace, options.LeaseName);
        while (!cancellationToken.IsCancellationRequested)
        {
            if (await TryAcquireOrRenewAsync(cancellationToken) == LeaseAttempt.Held)
            {
                isLeader = true;
                logger.LogInformation("{Identity} acquired lease {Namespace}/{Lease}", options.Identity, options.LeaseNamespace, options.LeaseName);
                return true;
            }

            if (!await DelayAsync(options.RetryPeriod + (options.RetryPeriod * (1.2 * random.NextDouble())), cancellationToken))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>Renews every retry period; returns true when leadership is lost, false when told to stop.</summary>
    private async Task<bool> RenewUntilLostAsync(CancellationToken stop)
    {
        while (await DelayAsync(options.RetryPeriod, stop))
        {
            var deadline = time.GetUtcNow() + options.RenewDeadline;
            while (true)
            {
                LeaseAttempt attempt;
                using (var attemptTimeout = new CancellationTokenSource(Max(deadline - time.GetUtcNow(), TimeSpan.Zero), time))
                using (var attemptToken = CancellationTokenSource.CreateLinkedTokenSource(stop, attemptTimeout.Token))
                {
                    attempt = await TryAcquireOrRenewAsync(attemptToken.Token);
                }

                if (stop.IsCancellationRequested)
                {
                    return false;
                }

                if (attempt == LeaseAttempt.Held)
                {
                    break;
                }

                if (attempt == LeaseAttempt.HeldByOther)
                {
                    logger.LogError("Lease {Namespace}/{Lease} is now held by {Holder}", options.LeaseNamespace, options.LeaseName, observedSpec?.HolderIdentity);
                    return true;
                }

                if (!await DelayAsync(options.RetryPeriod, stop))
                {
                    return false;
                }

                if (time.GetUtcNow() >= deadline)
                {
                    logger.LogError("Could not renew lease {Namespace}/{Lease} within {RenewDeadline}", options.LeaseNamespace, options.LeaseName, options.RenewDeadline);
                    return true;
                }
            }
        }

        return false;
    }

    private LeaseAttempt Observe(Lease lease, DateTimeOffset now)
    {
        lastLease = lease;
        observedSpec = lease.Spec;
        observedAt = now;
        return LeaseAttempt.Held;
    }

    private Lease NewLease(DateTimeOffset now) => new()
    {
        Metadata = new ObjectMeta { Name = options.LeaseName, Namespace = options.LeaseNamespace },
        Spec = new LeaseSpec
        {
            HolderIdentity = options.Identity,
            LeaseDurationSeconds = (int)options.LeaseDuration.TotalSeconds,
            AcquireTime = now,
            RenewTime = now,
            LeaseTransitions = 0,
        },
    };

    private void StopLeading()
    {
        if (options.OnStoppedLeading is { } onStoppedLeading)
        {
            onStoppedLeading();
            return;
        }

        logger.LogCritical("Exiting so that Kubernetes restarts this replica with clean state");
        Environment.Exit(1);
    }

    private async Task<bool> DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
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

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
