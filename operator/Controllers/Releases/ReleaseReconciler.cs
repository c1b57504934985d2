using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Paas.Controllers.Plumbing;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Releases;

/// <summary>
/// Moves an App's Releases through their phases and keeps exactly one of them current. Keyed by App
/// (<c>namespace/app</c>), so every decision about an App's Releases is taken in one place by
/// <see cref="ReleaseLifecycle.Decide"/>; this class only reads the caches, applies release-phase Jobs, writes the
/// statuses that changed and records the Events.
/// </summary>
public sealed class ReleaseReconciler : IReconciler
{
    private readonly IObjectStore<App> apps;
    private readonly IObjectStore<Release> releases;
    private readonly IObjectStore<Job> jobs;
    private readonly IObjectStore<Formation>? formations;
    private readonly IEventRecorder events;
    private readonly PlatformSettings settings;
    private readonly TimeProvider time;
    private readonly ChildApplier children;
    private readonly StatusWriter statuses;

    /// <param name="apps">Cached Apps.</param>
    /// <param name="releases">Cached Releases, indexed by <see cref="ReleaseIndexes.ByApp"/>.</param>
    /// <param name="jobs">Cached Jobs labelled <c>paas.dev/app</c>, indexed by <see cref="ReleaseIndexes.ByApp"/>.</param>
    /// <param name="client">Writes Jobs and Release statuses.</param>
    /// <param name="events">Records the Events.</param>
    /// <param name="settings">Shape the release-phase Job; <see cref="PlatformSettings.Default"/> when null.</param>
    /// <param name="formations">Cached Formations, for the size of the release dyno; web's default size when null.</param>
    /// <param name="time">The clock; the system's when null.</param>
    public ReleaseReconciler(
        IObjectStore<App> apps,
        IObjectStore<Release> releases,
        IObjectStore<Job> jobs,
        KubeClient client,
        IEventRecorder events,
        PlatformSettings? settings = null,
        IObjectStore<Formation>? formations = null,
        TimeProvider? time = null)
    {
        this.apps = apps ?? throw new ArgumentNullException(nameof(apps));
        this.releases = releases ?? throw new ArgumentNullException(nameof(releases));
        this.jobs = jobs ?? throw new ArgumentNullException(nameof(jobs));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        this.formations = formations;
        this.settings = settings ?? PlatformSettings.Default;
        this.time = time ?? TimeProvider.System;
        children = new ChildApplier(client);
        statuses = new StatusWriter(client);
    }

    /// <summary>The App key a Release or a release-phase Job belongs to, for <c>Controller.Watches</c>.</summary>
    public static IEnumerable<ObjectKey> AppKeyOf(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return [new ObjectKey(release.Metadata.Namespace, release.Spec.App)];
    }

    /// <inheritdoc cref="AppKeyOf(Release)"/>
    public static IEnumerable<ObjectKey> AppKeyOf(Job job)
    {
        ArgumentNullException.ThrowIfNull(job);
        return job.Metadata.Labels?.GetValueOrDefault(PaasLabels.App) is { Length: > 0 } app ? [new ObjectKey(job.Metadata.Namespace, app)] : [];
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        // Without its App a Release cannot render its Job; the App's arrival enqueues this key again.
        if (apps.Get(key) is not { Metadata.DeletionTimestamp: null } app)
        {
            return ReconcileResult.Success;
        }

        var index = ReleaseIndexes.Value(key.Namespace, key.Name);
        var history = releases.ByIndex(ReleaseIndexes.ByApp, index).Where(release => release.Metadata.DeletionTimestamp is null).ToList();
        var phaseJobs = jobs.ByIndex(ReleaseIndexes.ByApp, index)
            .Where(job => job.Metadata.Name is not null)
            .ToDictionary(job => job.Metadata.Name!, StringComparer.Ordinal);
        var decision = ReleaseLifecycle.Decide(history, phaseJobs, time.GetUtcNow());

        foreach (var release in decision.StartReleasePhase)
        {
            await StartReleasePhaseAsync(app, release, phaseJobs, cancellationToken);
        }

        foreach (var update in decision.Updates)
        {
            await statuses.WriteAsync(update.Release, update.Status, cancellationToken);
            foreach (var notice in update.Notices)
            {
                events.Record(update.Release, notice.Type, notice.Reason, "Release", notice.Note);
                if (notice.AlsoOnApp)
                {
                    events.Record(app, notice.Type, notice.Reason, "Release", notice.Note);
                }
            }
        }

        return decision.RecheckAfter is { } delay ? ReconcileResult.RequeueAfter(delay) : ReconcileResult.Success;
    }

    private async Task StartReleasePhaseAsync(App app, Release release, Dictionary<string, Job> phaseJobs, CancellationToken cancellationToken)
    {
        var formation = formations?.Get(new ObjectKey(app.Metadata.Namespace, release.Spec.App)) is { } found && found.Spec.App == release.Spec.App
            ? found
            : null;
        var job = ReleasePhaseJob.Render(new RenderInput(app, release, formation, settings));
        if (job is null)
        {
            return;
        }

        await children.ApplyAsync(release, job, phaseJobs.GetValueOrDefault(job.Metadata.Name!), cancellationToken);
    }
}
