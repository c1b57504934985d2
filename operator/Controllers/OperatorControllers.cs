using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Paas.Controllers.Apps;
using Paas.Controllers.Builds;
using Paas.Controllers.Dynos;
using Paas.Controllers.Formations;
using Paas.Controllers.Sources;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Controllers;

/// <summary>The one entry point the host calls: registers the paas.dev informers and controllers on a <see cref="ControllerHost"/>.</summary>
public static class OperatorControllers
{
    /// <summary>
    /// The Secrets the operator caches: all but Helm's release records, which no App reads (config snapshots, configFrom
    /// and credentials are other types) and which are most of a cluster's Secret bytes: every revision of every Helm
    /// release is one, holding the release's compressed manifests.
    /// </summary>
    public const string SecretsWorthCaching = "type!=helm.sh/release.v1";

    /// <summary>
    /// Adds informers for Apps, Releases, Secrets, Builds, the App's workloads and dynos, and the App, Formation and (unless settings turn it off) dyno-cycling controllers; events go through
    /// <paramref name="events"/>; <paramref name="settings"/> (default <see cref="PlatformSettings.Default"/>) shape the workloads.
    /// <paramref name="sources"/> configures auto-deploy from App spec.source (its Settings default to <paramref name="settings"/>).
    /// </summary>
    public static ControllerHost AddTo(
        ControllerHost host, KubeClient client, IEventRecorder events, ILoggerFactory? loggers = null, string? @namespace = null, PlatformSettings? settings = null,
        SourceControllerOptions? sources = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(client);
        var options = new InformerOptions { Namespace = @namespace };
        var apps = new Informer<App>(client, options, loggers?.CreateLogger("informer.apps"));
        var releases = new Informer<Release>(client, options, loggers?.CreateLogger("informer.releases"));
        var secrets = new Informer<Secret>(client, options with { FieldSelector = SecretsWorthCaching }, loggers?.CreateLogger("informer.secrets"));
        var builds = BuildControllers.NewBuildInformer(client, @namespace, loggers);
        var workloads = new WorkloadInformers(client, @namespace, loggers);
        var reconciler = new AppReconciler(
            apps.Store, releases.Store, secrets.Store, client, events, workloads: new AppWorkloads(workloads.Stores, client, events, settings), builds: builds.Store);
        var controller = new Controller("app", reconciler, logger: loggers?.CreateLogger("controller.app"))
            .For(apps)
            .Watches(releases, release => [new ObjectKey(release.Metadata.Namespace, release.Spec.App)])
            .Watches(secrets, secret => AppsUsing(apps.Store, secret))
            .Watches(builds, build => [new ObjectKey(build.Metadata.Namespace, build.Spec.App)]);
        workloads.ReconcileOwnersOn(controller);
        workloads.AddTo(host);
        host.Add(FormationController.Create(workloads.Formations, apps, releases, workloads.Deployments, client, settings, loggers));
        if ((settings ?? PlatformSettings.Default).DynoCycling is { Enabled: true } cycling)
        {
            DynoCycling.AddTo(host, client, workloads.Deployments, events, @namespace, loggers, DynoCycleSettings.From(cycling));
        }

        Releases.ReleaseController.AddTo(host, apps, releases, client, events, @namespace, loggers, settings, workloads.Formations.Store);
        BuildControllers.AddTo(host, client, events, apps, secrets, @namespace, loggers, settings, builds: builds);
        SourceControllers.AddTo(host, client, events, apps, builds, loggers, (sources ?? new SourceControllerOptions()) with { Settings = sources?.Settings ?? settings });
        return host.Add(apps).Add(releases).Add(secrets).Add(builds).Add(controller);
    }

    /// <summary>Apps that own the Secret (snapshots) or read it through spec.configFrom.</summary>
    private static IEnumerable<ObjectKey> AppsUsing(IObjectStore<App> apps, Secret secret)
    {
        if (secret.Metadata.Labels?.GetValueOrDefault(PaasLabels.App) is { } owner)
        {
            yield return new ObjectKey(secret.Metadata.Namespace, owner);
        }

        foreach (var app in apps.List())
        {
            if (app.Metadata.Namespace == secret.Metadata.Namespace
                && app.Spec.ConfigFrom?.Any(source => source.SecretRef?.Name == secret.Metadata.Name) == true)
            {
                yield return ObjectKey.From(app);
            }
        }
    }
}
