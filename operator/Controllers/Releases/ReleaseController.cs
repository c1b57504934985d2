using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Controllers.Releases;

/// <summary>Registers the release controller (keyed by App) and its Jobs informer on a <see cref="ControllerHost"/>.</summary>
public static class ReleaseController
{
    /// <summary>
    /// Adds an informer for Jobs labelled <c>paas.dev/app</c> and the controller "release", which reconciles an App's
    /// Releases whenever the App, one of its Releases or one of its release-phase Jobs changes. The Apps and
    /// Releases informers are shared with the caller, who adds them to the host.
    /// </summary>
    public static Controller AddTo(
        ControllerHost host,
        Informer<App> apps,
        Informer<Release> releases,
        KubeClient client,
        IEventRecorder events,
        string? @namespace = null,
        ILoggerFactory? loggers = null,
        PlatformSettings? settings = null,
        IObjectStore<Formation>? formations = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(releases);
        var jobs = new Informer<Job>(
            client, new InformerOptions { Namespace = @namespace, LabelSelector = PaasLabels.App }, loggers?.CreateLogger("informer.release-jobs"));
        ReleaseIndexes.AddTo(releases, jobs);
        var reconciler = new ReleaseReconciler(apps.Store, releases.Store, jobs.Store, client, events, settings, formations);
        var controller = new Controller("release", reconciler, logger: loggers?.CreateLogger("controller.release"))
            .For(apps)
            .Watches(releases, ReleaseReconciler.AppKeyOf)
            .Watches(jobs, ReleaseReconciler.AppKeyOf);
        host.Add(jobs).Add(controller);
        return controller;
    }
}
