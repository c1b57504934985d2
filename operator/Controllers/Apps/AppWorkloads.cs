using System.Globalization;
using System.Text.Json;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Events;
using Paas.Controllers.Plumbing;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Apps;

/// <summary>
/// Runs an App's current Release: renders its workloads with the App's Formation, applies them (owner App, server-side
/// apply), deletes the owned ones no longer desired, and reports how far the rollout has come.
/// </summary>
public sealed class AppWorkloads
{
    private readonly WorkloadStores stores;
    private readonly ChildApplier children;
    private readonly ChildPruner pruner;
    private readonly IEventRecorder events;
    private readonly PlatformSettings settings;
    private readonly JsonSerializerOptions json;

    public AppWorkloads(WorkloadStores stores, KubeClient client, IEventRecorder events, PlatformSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.stores = stores ?? throw new ArgumentNullException(nameof(stores));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        this.settings = settings ?? PlatformSettings.Default;
        children = new ChildApplier(client, rememberSent: true);
        pruner = new ChildPruner(client.Dynamic);
        json = client.JsonOptions;
    }

    /// <summary>
    /// Brings the App's workloads to what its current Release (status.current) and Formation ask for. Without a current
    /// Release it touches nothing: the last one keeps running until another goes live.
    /// </summary>
    public async Task<WorkloadReport> ReconcileAsync(App app, IReadOnlyList<Release> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(history);
        var name = app.Metadata.Name!;
        if (history.LastOrDefault(release => release.Status?.Current == true) is not { } current)
        {
            return new WorkloadReport(app.Status?.Url, app.Status?.Processes, ConditionSet.False, ConditionReasons.NoRelease,
                $"No Release of {name} is current yet; its dynos start when a Release succeeds.");
        }

        var formation = stores.FormationOf(app.Metadata.Namespace, name);
        RenderedApp rendered;
        try
        {
            rendered = AppRenderer.Render(new RenderInput(app, current, formation, settings));
        }
        catch (InvalidOperationException e)
        {
            events.Record(app, EventType.Warning, "InvalidFormation", "Render", e.Message);
            return new WorkloadReport(app.Status?.Url, app.Status?.Processes, ConditionSet.False, ConditionReasons.InvalidSpec, e.Message);
        }

        var url = UrlOf(rendered);
        IReadOnlySet<string> freshTemplates;
        try
        {
            freshTemplates = await ApplyAsync(app, current, rendered, cancellationToken);
            await PruneAsync(app, rendered, cancellationToken);
        }
        catch (KubeApiException e)
        {
            var message = string.Create(CultureInfo.InvariantCulture, $"Applying the workloads of v{current.Spec.Version} failed: {e.Message}");
            events.Record(app, EventType.Warning, WorkloadReasons.ApplyFailed, "Apply", message);
            return new WorkloadReport(url, app.Status?.Processes, ConditionSet.False, WorkloadReasons.ApplyFailed, message) { Failure = message };
        }

        var rollouts = ProcessRollouts.Of(
            name, current, formation, settings, deployment => stores.Deployments.Get(new ObjectKey(app.Metadata.Namespace, deployment)), freshTemplates);
        return Verdict(app, current, url, rollouts);
    }

    private async Task<IReadOnlySet<string>> ApplyAsync(App app, Release current, RenderedApp rendered, CancellationToken cancellationToken)
    {
        foreach (var service in rendered.Services)
        {
            await children.ApplyAsync(app, service, stores.Services.Get(ObjectKey.From(service)), cancellationToken);
        }

        var freshTemplates = new HashSet<string>(StringComparer.Ordinal);
        var started = new List<Deployment>();
        try
        {
            foreach (var deployment in rendered.Deployments)
            {
                var live = stores.Deployments.Get(ObjectKey.From(deployment));
                var newTemplate = live is null || !SameTemplate(live, deployment);
                if (await children.ApplyAsync(app, deployment, live, cancellationToken) && newTemplate)
                {
                    freshTemplates.Add(deployment.Metadata.Name!);
                    started.Add(deployment);
                }
            }
        }
        finally
        {
            // One event for the whole rollout; the Deployments sent before a failed apply are rolling out too.
            if (started.Count > 0)
            {
                events.Record(app, EventType.Normal, WorkloadReasons.RolloutStarted, "Rollout", RolloutStartedMessage(current.Spec.Version, started));
            }
        }

        foreach (var autoscaler in rendered.Autoscalers)
        {
            await children.ApplyAsync(app, autoscaler, stores.Autoscalers.Get(ObjectKey.From(autoscaler)), cancellationToken);
        }

        foreach (var budget in rendered.DisruptionBudgets)
        {
            await children.ApplyAsync(app, budget, stores.DisruptionBudgets.Get(ObjectKey.From(budget)), cancellationToken);
        }

        foreach (var ingress in rendered.Ingresses)
        {
            await children.ApplyAsync(app, ingress, stores.Ingresses.Get(ObjectKey.From(ingress)), cancellationToken);
        }

        return freshTemplates;
    }

    // Routes first, then what they routed to: the Ingress stops naming a Service before that Service goes.
    private async Task PruneAsync(App app, RenderedApp rendered, CancellationToken cancellationToken)
    {
        await PruneAsync(app, stores.Ingresses, rendered.Ingresses, cancellationToken);
        await PruneAsync(app, stores.Services, rendered.Services, cancellationToken);
        await PruneAsync(app, stores.Autoscalers, rendered.Autoscalers, cancellationToken);
        await PruneAsync(app, stores.DisruptionBudgets, rendered.DisruptionBudgets, cancellationToken);
        await PruneAsync(app, stores.Deployments, rendered.Deployments, cancellationToken);
    }

    private async Task PruneAsync<T>(App app, IObjectStore<T> store, IEnumerable<T> desired, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<T>
    {
        var name = app.Metadata.Name!;
        var live = WorkloadStores.OwnedBy(store, app.Metadata.Namespace, name);
        if (live.Count == 0)
        {
            return;
        }

        var wanted = desired.Select(obj => obj.Metadata.Name!).ToHashSet(StringComparer.Ordinal);
        foreach (var deleted in await pruner.PruneAsync(app, name, T.Resource, live, wanted, cancellationToken))
        {
            events.Record(app, EventType.Normal, "Pruned", "Prune", $"Deleted {T.Resource.Kind} {deleted}: the current Release and Formation no longer ask for it.");
        }
    }

    private WorkloadReport Verdict(App app, Release current, string? url, IReadOnlyList<ProcessRollout> rollouts)
    {
        var processes = new SortedDictionary<string, ProcessStatus>(StringComparer.Ordinal);
        foreach (var rollout in rollouts)
        {
            processes[rollout.ProcessType] = new ProcessStatus { Desired = rollout.Desired, Ready = rollout.Ready };
        }

        var version = string.Create(CultureInfo.InvariantCulture, $"v{current.Spec.Version}");
        var waiting = rollouts.Where(rollout => !rollout.RolledOut).ToList();
        if (waiting.Count > 0)
        {
            return new WorkloadReport(url, processes, ConditionSet.False, WorkloadReasons.RollingOut,
                $"Rolling out {version}; not ready yet: {string.Join(", ", waiting)}.");
        }

        var message = rollouts.Count == 0
            ? $"{version} is current and has no process types to run."
            : $"{version} is running: {string.Join(", ", rollouts)}.";
        // A rollout that finished within the settle window never showed Ready False, so a Ready that still names an
        // older current release also means this one is new.
        if (ConditionSet.Find(app.Status?.Conditions, ConditionTypes.Ready)?.Status != ConditionSet.True || app.Status?.CurrentRelease != current.Spec.Version)
        {
            events.Record(app, EventType.Normal, WorkloadReasons.RolloutComplete, "Rollout", message);
        }

        return new WorkloadReport(url, processes, ConditionSet.True, WorkloadReasons.Ready, message);
    }

    /// <summary><c>Rolling out v3 to the web, worker dynos (Deployments shop-web, shop-worker).</c></summary>
    internal static string RolloutStartedMessage(int version, IReadOnlyList<Deployment> started)
    {
        var types = string.Join(", ", started.Select(deployment => deployment.Metadata.Labels?.GetValueOrDefault(PaasLabels.ProcessType) ?? deployment.Metadata.Name));
        var names = string.Join(", ", started.Select(deployment => deployment.Metadata.Name));
        return string.Create(
            CultureInfo.InvariantCulture, $"Rolling out v{version} to the {types} dynos ({(started.Count == 1 ? "Deployment" : "Deployments")} {names}).");
    }

    private string? UrlOf(RenderedApp rendered) =>
        rendered.Hosts.Count == 0 ? null : (settings.Rendering.Tls ? "https://" : "http://") + rendered.Hosts[0];

    private bool SameTemplate(Deployment live, Deployment desired) =>
        StatusWriter.Covers(JsonSerializer.SerializeToNode(live.Spec?.Template, json), JsonSerializer.SerializeToNode(desired.Spec?.Template, json));
}
