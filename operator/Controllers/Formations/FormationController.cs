using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Controllers.Formations;

/// <summary>Builds the controller that keeps Formation status current; a Formation is named like its App, so every trigger maps to that name.</summary>
public static class FormationController
{
    public static Controller Create(
        Informer<Formation> formations,
        Informer<App> apps,
        Informer<Release> releases,
        Informer<Deployment> deployments,
        KubeClient client,
        PlatformSettings? settings = null,
        ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(formations);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(deployments);
        var reconciler = new FormationReconciler(formations.Store, apps.Store, releases.Store, deployments.Store, client, settings);
        return new Controller("formation", reconciler, logger: loggers?.CreateLogger("controller.formation"))
            .For(formations)
            .Watches(apps, app => [ObjectKey.From(app)])
            .Watches(releases, release => [new ObjectKey(release.Metadata.Namespace, release.Spec.App)])
            .Watches(deployments, deployment => deployment.Metadata.Labels?.GetValueOrDefault(PaasLabels.App) is { } app
                ? [new ObjectKey(deployment.Metadata.Namespace, app)]
                : []);
    }
}
