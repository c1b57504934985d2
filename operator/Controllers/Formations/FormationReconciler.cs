using System.Globalization;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Paas.Controllers.Apps;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Releases;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Procfiles;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Formations;

/// <summary>
/// Reports a Formation's status: dynos desired and ready per process type of the App's current Release, in heroku ps
/// form, and a Ready condition. The App controller does the scaling; process types the current Release lacks are
/// named in the condition's message and never run.
/// </summary>
public sealed class FormationReconciler : IReconciler
{
    private readonly IObjectStore<Formation> formations;
    private readonly IObjectStore<App> apps;
    private readonly IObjectStore<Release> releases;
    private readonly IObjectStore<Deployment> deployments;
    private readonly StatusWriter statuses;
    private readonly PlatformSettings settings;
    private readonly TimeProvider time;
    private readonly SettlingStatuses settling;

    /// <param name="formations">The Formations.</param>
    /// <param name="apps">The Apps they scale.</param>
    /// <param name="releases">The Releases, for the current one.</param>
    /// <param name="deployments">The Apps' Deployments.</param>
    /// <param name="client">Writes status.</param>
    /// <param name="settings">Dyno sizes and defaults.</param>
    /// <param name="time">The clock.</param>
    /// <param name="settleWindow">How long a status with dynos not yet ready is held back in case they get ready; <see cref="SettlingStatuses.DefaultWindow"/> when null.</param>
    public FormationReconciler(
        IObjectStore<Formation> formations,
        IObjectStore<App> apps,
        IObjectStore<Release> releases,
        IObjectStore<Deployment> deployments,
        KubeClient client,
        PlatformSettings? settings = null,
        TimeProvider? time = null,
        TimeSpan? settleWindow = null)
    {
        this.formations = formations ?? throw new ArgumentNullException(nameof(formations));
        this.apps = apps ?? throw new ArgumentNullException(nameof(apps));
        this.releases = releases ?? throw new ArgumentNullException(nameof(releases));
        this.deployments = deployments ?? throw new ArgumentNullException(nameof(deployments));
        statuses = new StatusWriter(client, rememberSent: true);
        this.settings = settings ?? PlatformSettings.Default;
        this.time = time ?? TimeProvider.System;
        settling = new SettlingStatuses(settleWindow, this.time);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (formations.Get(key) is not { Metadata.DeletionTimestamp: null } formation)
        {
            settling.Forget(key);
            return ReconcileResult.Success;
        }

        var report = Observe(formation);
        var generation = formation.Metadata.Generation;
        var desired = (formation.Status ?? new FormationStatus()) with
        {
            ObservedGeneration = generation,
            Summary = report.Summary,
            Processes = report.Processes,
            Conditions = ConditionSet.Set(formation.Status?.Conditions, ConditionTypes.Ready, report.Status, report.Reason, report.Message, generation, time.GetUtcNow()),
        };
        if (report.Timing != Timing.Now && statuses.Differs(formation, desired, exact: true))
        {
            if (report.Timing == Timing.AfterApp)
            {
                // The App's status changing (it will, within its own window) reconciles this Formation again.
                settling.Forget(key);
                return ReconcileResult.Success;
            }

            if (settling.Hold(key) is { } wait)
            {
                return ReconcileResult.RequeueAfter(wait);
            }
        }

        settling.Forget(key);
        await statuses.WriteAsync(formation, desired, cancellationToken, exact: true);
        return ReconcileResult.Success;
    }

    private FormationReport Observe(Formation formation)
    {
        var ns = formation.Metadata.Namespace;
        var appName = formation.Spec.App;
        if (apps.Get(new ObjectKey(ns, appName)) is not { } app)
        {
            return FormationReport.NotReady(ConditionReasons.AppNotFound,
                $"spec.app: App \"{appName}\" does not exist in namespace {ns}; create it or name an existing App.");
        }

        var current = ReleaseIndexes.Of(releases, ns, appName)
            .Where(release => release.Status?.Current == true)
            .MaxBy(release => release.Spec.Version);
        if (current is null)
        {
            return FormationReport.NotReady(ConditionReasons.NoRelease, $"App {appName} has no current Release yet; its dynos start when one succeeds.");
        }

        IReadOnlyList<ProcessRollout> rollouts;
        try
        {
            rollouts = ProcessRollouts.Of(appName, current, formation, settings, name => deployments.Get(new ObjectKey(ns, name)));
        }
        catch (InvalidOperationException e)
        {
            return FormationReport.NotReady(ConditionReasons.InvalidSpec, e.Message);
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"v{current.Spec.Version}");
        var summary = string.Join(' ', rollouts.Select(r => $"{r.ProcessType}={r.Desired}:{ProcessScale.Of(r.ProcessType, formation, settings).Size.Name}"));
        var processes = new SortedDictionary<string, ProcessStatus>(StringComparer.Ordinal);
        foreach (var rollout in rollouts)
        {
            processes[rollout.ProcessType] = new ProcessStatus { Desired = rollout.Desired, Ready = rollout.Ready };
        }

        var waiting = rollouts.Where(r => !r.RolledOut).ToList();
        var message = waiting.Count > 0
            ? $"Waiting for dynos of {version}: {string.Join(", ", waiting)}."
            : $"All dynos of {version} are ready: {(rollouts.Count == 0 ? "none to run" : string.Join(", ", rollouts))}.";
        message += Unknown(formation, current, version);
        return new FormationReport(
            waiting.Count > 0 ? ConditionSet.False : ConditionSet.True,
            waiting.Count > 0 ? ConditionReasons.DynosNotReady : ConditionReasons.DynosReady,
            message,
            summary,
            processes)
        {
            Timing = waiting.Count == 0 ? Timing.Now : TimingOfRollout(app, current),
        };
    }

    /// <summary>
    /// When to report dynos on their way to ready. The App controller holds its own rollout report for a window; until
    /// it has reported the current Release the Formation waits for it (a cold start then writes each status once),
    /// once it reports RollingOut the window is over for both, and otherwise (a scale change) the Formation holds its own.
    /// </summary>
    private static Timing TimingOfRollout(App app, Release current)
    {
        if (app.Status?.CurrentRelease != current.Spec.Version)
        {
            return Timing.AfterApp;
        }

        return ConditionSet.Find(app.Status.Conditions, ConditionTypes.Ready)?.Reason == WorkloadReasons.RollingOut ? Timing.Now : Timing.Settle;
    }

    /// <summary>A sentence naming the Formation's process types the current Release does not have, or nothing.</summary>
    private static string Unknown(Formation formation, Release current, string version)
    {
        var known = ProcessRollouts.ProcessTypesOf(current);
        var knownNames = known.Select(ProcessTypeNames.ToKubernetesName).ToHashSet(StringComparer.Ordinal);
        var unknown = (formation.Spec.Processes?.Keys ?? [])
            .Where(type => !knownNames.Contains(ProcessTypeNames.ToKubernetesName(type)))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unknown.Count == 0)
        {
            return string.Empty;
        }

        var has = known.Count == 0 ? "none" : string.Join(", ", known);
        return $" Not scaled: {string.Join(", ", unknown)} (spec.processes) {(unknown.Count == 1 ? "is not a process type" : "are not process types")} of {version}, which has {has}; add them to the Procfile or remove them from the Formation.";
    }

    /// <summary>When a report is written.</summary>
    private enum Timing
    {
        /// <summary>At once: it is settled, or says something is wrong.</summary>
        Now,

        /// <summary>After the settle window, unless the dynos get ready first.</summary>
        Settle,

        /// <summary>Once the App's status reports the current Release.</summary>
        AfterApp,
    }

    /// <summary>What the Formation's status says.</summary>
    private sealed record FormationReport(string Status, string Reason, string Message, string? Summary, IReadOnlyDictionary<string, ProcessStatus>? Processes)
    {
        public Timing Timing { get; init; } = Timing.Now;

        public static FormationReport NotReady(string reason, string message) => new(ConditionSet.False, reason, message, null, null);
    }
}
