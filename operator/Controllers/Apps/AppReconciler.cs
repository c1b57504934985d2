using System.Globalization;
using System.Text;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Paas.Controllers.Config;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Releases;
using Paas.Controllers.Sources;
using Paas.Platform.Api;
using Paas.Platform.Releases;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Apps;

/// <summary>
/// Keeps an App's release ledger in step with its config and Procfile: a change snapshots the config into an immutable
/// Secret and appends the next Release; status reports the current Release and the Released condition.
/// </summary>
public sealed class AppReconciler : IReconciler
{
    private readonly IObjectStore<App> apps;
    private readonly IObjectStore<Release> releases;
    private readonly IObjectStore<Secret> secrets;
    private readonly AppConfigResolver config;
    private readonly ChildApplier children;
    private readonly StatusWriter statuses;
    private readonly ReleaseLedger ledger;
    private readonly RollbackRequests rollbacks;
    private readonly IEventRecorder events;
    private readonly TimeProvider time;
    private readonly AppWorkloads? workloads;
    private readonly IObjectStore<Build>? builds;
    private readonly SettlingStatuses settling;

    /// <param name="apps">The Apps.</param>
    /// <param name="releases">Their Releases, indexed by <see cref="ReleaseIndexes.ByApp"/>.</param>
    /// <param name="secrets">Config snapshots and spec.configFrom Secrets.</param>
    /// <param name="client">Writes Releases, snapshots, workloads and status.</param>
    /// <param name="events">Records the App's events.</param>
    /// <param name="time">The clock.</param>
    /// <param name="workloads">Runs the current Release; null leaves workloads alone.</param>
    /// <param name="builds">The Builds, for the App's latest build; null leaves it out of status.</param>
    /// <param name="settleWindow">How long a status whose rollout is in progress is held back in case it completes; <see cref="SettlingStatuses.DefaultWindow"/> when null.</param>
    public AppReconciler(
        IObjectStore<App> apps, IObjectStore<Release> releases, IObjectStore<Secret> secrets, KubeClient client, IEventRecorder events, TimeProvider? time = null,
        AppWorkloads? workloads = null, IObjectStore<Build>? builds = null, TimeSpan? settleWindow = null)
    {
        this.workloads = workloads;
        this.builds = builds;
        this.apps = apps;
        this.releases = releases;
        this.secrets = secrets;
        config = new AppConfigResolver(secrets, client);
        this.events = events;
        this.time = time ?? TimeProvider.System;
        children = new ChildApplier(client);
        statuses = new StatusWriter(client, rememberSent: true, otherWriters: AppSourceStatus.Owned);
        ledger = new ReleaseLedger(client);
        rollbacks = new RollbackRequests(client, events);
        settling = new SettlingStatuses(settleWindow, this.time);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (apps.Get(key) is not { Metadata.DeletionTimestamp: null } app)
        {
            settling.Forget(key);
            return ReconcileResult.Success;
        }

        var history = ReleasePlanner.History(app, ReleaseIndexes.Of(releases, key.Namespace, key.Name));
        var rollback = await rollbacks.HandleAsync(app, history, cancellationToken);
        history = rollback.History;
        var workload = workloads is null ? null : await workloads.ReconcileAsync(app, history, cancellationToken);
        var (config, missing) = await this.config.ResolveAsync(app, cancellationToken);
        if (missing is not null)
        {
            await WriteStatusAsync(app, history, ConditionSet.False, ConditionReasons.InvalidSpec, missing, workload, cancellationToken);
            return Outcome(workload, held: null);
        }

        var decision = rollback.Rejection is { } rejected
            ? ReleaseDecision.Rejected(rejected)
            : ReleasePlanner.ForAppChange(app, history, config, NewestConfig(history));
        if (decision.Kind == ReleaseDecisionKind.Create)
        {
            var plan = decision.Plan!;
            var snapshot = ConfigSnapshotSecret.Render(key.Name, key.Namespace, plan.NewSnapshot!);
            await children.ApplyAsync(app, snapshot, secrets.Get(new ObjectKey(key.Namespace, snapshot.Metadata.Name!)), cancellationToken);
            var entry = await ledger.AppendAsync(plan, cancellationToken);
            if (entry.Created)
            {
                events.Record(app, EventType.Normal, "ReleaseCreated", "Release",
                    string.Create(CultureInfo.InvariantCulture, $"v{entry.Release.Spec.Version}: {entry.Release.Spec.Description}"));
            }

            history = [.. history.Where(r => r.Spec.Version != entry.Release.Spec.Version), entry.Release];
        }

        var newest = history.LastOrDefault();
        var (status, reason, message) = decision.Kind switch
        {
            ReleaseDecisionKind.Rejected => (ConditionSet.False, ConditionReasons.InvalidSpec, decision.Message),
            _ when newest is null => (ConditionSet.False, ConditionReasons.NoRelease, decision.Message),
            _ when newest.Status?.Current == true => (ConditionSet.True, ConditionReasons.ReleaseSucceeded, $"v{newest.Spec.Version} is current."),
            _ when newest.Status?.Phase == ReleasePhases.Failed => (ConditionSet.False, ConditionReasons.ReleasePhaseFailed, $"v{newest.Spec.Version} failed: {newest.Status.Message}"),
            _ => (ConditionSet.False, ConditionReasons.ReleasePending, $"v{newest.Spec.Version} is not current yet."),
        };
        var held = await WriteStatusAsync(app, history, status, reason, message, workload, cancellationToken, mayHold: status == ConditionSet.True);
        return Outcome(workload, held);
    }

    private static ReconcileResult Outcome(WorkloadReport? workload, TimeSpan? held) =>
        workload?.Failure is { } failure ? ReconcileResult.Failure(failure)
        : held is { } wait ? ReconcileResult.RequeueAfter(wait)
        : ReconcileResult.Success;

    /// <summary>
    /// Writes the App's status, or holds it back while its rollout is in progress and returns how long; a status that
    /// reports a problem with the App itself (mayHold false) shows at once.
    /// </summary>
    private async Task<TimeSpan?> WriteStatusAsync(
        App app, IReadOnlyList<Release> history, string status, string reason, string message, WorkloadReport? workload, CancellationToken cancellationToken,
        bool mayHold = false)
    {
        var generation = app.Metadata.Generation;
        var desired = (app.Status ?? new AppStatus()) with
        {
            ObservedGeneration = generation,
            CurrentRelease = history.LastOrDefault(r => r.Status?.Current == true)?.Spec.Version ?? app.Status?.CurrentRelease,
            Conditions = ConditionSet.Set(app.Status?.Conditions, ConditionTypes.Released, status, reason, message, generation, time.GetUtcNow()),
        };
        desired = workload?.ApplyTo(desired, generation, time.GetUtcNow()) ?? desired;
        if (builds is not null)
        {
            var own = builds.List().Where(build => build.Metadata.Namespace == app.Metadata.Namespace && build.Spec.App == app.Metadata.Name);
            desired = AppBuildStatus.ApplyTo(desired, own, generation, time.GetUtcNow());
        }

        var key = ObjectKey.From(app);
        var exact = workload is not null;
        // The workloads were applied already; only the report waits, so that a rollout the dynos finish within the
        // window is written once, Ready, instead of RollingOut first.
        if (mayHold && workload?.Reason == WorkloadReasons.RollingOut && statuses.Differs(app, desired, exact) && settling.Hold(key) is { } wait)
        {
            return wait;
        }

        settling.Forget(key);
        await statuses.WriteAsync(app, desired, cancellationToken, exact);
        return null;
    }

    private IReadOnlyDictionary<string, string>? NewestConfig(IReadOnlyList<Release> history)
    {
        if (history.LastOrDefault() is not { } newest)
        {
            return null;
        }

        if (newest.Spec.Config is not { } reference)
        {
            return new Dictionary<string, string>();
        }

        return secrets.Get(new ObjectKey(newest.Metadata.Namespace, reference.SecretName))?.Data?
            .ToDictionary(pair => pair.Key, pair => Encoding.UTF8.GetString(pair.Value), StringComparer.Ordinal);
    }
}
