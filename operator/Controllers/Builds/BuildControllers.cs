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
using Paas.Platform.Builds;

namespace Paas.Controllers.Builds;

/// <summary>Registers the Build controller and its informers (Builds, build Jobs) on a host, beside the App informers it shares.</summary>
public static class BuildControllers
{
    /// <summary>
    /// Adds the Build and build-Job informers and the Build controller to <paramref name="host"/>. The App and Secret
    /// informers belong to the caller, who adds them to the host; a change of an App reconciles its unfinished Builds.
    /// A <paramref name="builds"/> informer given by the caller (who shares it, e.g. for App status) is the caller's to add.
    /// </summary>
    public static ControllerHost AddTo(
        ControllerHost host,
        KubeClient client,
        IEventRecorder events,
        Informer<App> apps,
        Informer<Secret> secrets,
        string? @namespace = null,
        ILoggerFactory? loggers = null,
        PlatformSettings? settings = null,
        IImageResolver? images = null,
        Informer<Build>? builds = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(secrets);
        var ownsBuilds = builds is null;
        builds ??= NewBuildInformer(client, @namespace, loggers);
        var jobs = new Informer<Job>(client, new InformerOptions { Namespace = @namespace, LabelSelector = BuildLabels.Build }, loggers?.CreateLogger("informer.buildjobs"));
        var options = new BuildControllerOptions { Settings = settings, Images = images ?? new RegistryImageResolver(RegistryClient()) };
        var reconciler = new BuildReconciler(new BuildStores(builds.Store, apps.Store, jobs.Store, secrets.Store), client, events, options);
        var controller = new Controller("build", reconciler, logger: loggers?.CreateLogger("controller.build"))
            .For(builds)
            .Owns<Job, Build>(jobs)
            .Watches(apps, app => UnfinishedBuilds(builds.Store, app.Metadata.Namespace, app.Metadata.Name))
            .Watches(builds, build => UnfinishedBuilds(builds.Store, build.Metadata.Namespace, build.Spec.App).Where(key => key.Name != build.Metadata.Name));
        return (ownsBuilds ? host.Add(builds) : host).Add(jobs).Add(controller);
    }

    /// <summary>The informer of Builds the controller reads; create it here to share it before calling <see cref="AddTo"/>.</summary>
    public static Informer<Build> NewBuildInformer(KubeClient client, string? @namespace, ILoggerFactory? loggers) =>
        new(client, new InformerOptions { Namespace = @namespace }, loggers?.CreateLogger("informer.builds"));

    /// <summary>Builds of the App that may still change: a new App spec can unblock them, a newer Build supersedes them.</summary>
    private static IEnumerable<ObjectKey> UnfinishedBuilds(IObjectStore<Build> builds, string? @namespace, string? app) =>
        builds.List()
            .Where(build => build.Metadata.Namespace == @namespace && build.Spec.App == app)
            .Where(build => build.Status?.Phase is not BuildPhases.Failed && build.Status?.Release is null)
            .Select(ObjectKey.From);

#pragma warning disable CA2000 // One client for the operator's lifetime, as HttpClient is meant to be used.
    private static HttpClient RegistryClient() => new(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
    {
        Timeout = TimeSpan.FromSeconds(30),
    };
#pragma warning restore CA2000
}
