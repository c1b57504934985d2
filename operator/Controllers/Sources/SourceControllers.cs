using Kube.Client;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Controllers.Sources;

/// <summary>Registers the source controller (auto-deploy from spec.source.git) on a host, on the App and Build informers the caller owns.</summary>
public static class SourceControllers
{
    /// <summary>Polls run on their own workers, so that a slow git host never holds up another App's poll for long.</summary>
    private const int Workers = 4;

    /// <summary>
    /// Adds the source controller to <paramref name="host"/>. The <paramref name="apps"/> and <paramref name="builds"/>
    /// informers are the caller's to add to the host.
    /// </summary>
    public static ControllerHost AddTo(
        ControllerHost host, KubeClient client, IEventRecorder events, Informer<App> apps, Informer<Build> builds, ILoggerFactory? loggers = null, SourceControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(apps);
        ArgumentNullException.ThrowIfNull(builds);
        options ??= new SourceControllerOptions();
        var settings = options.Settings ?? PlatformSettings.Default;
        var interval = TimeSpan.FromSeconds(settings.Builds.SourcePollSeconds > 0 ? settings.Builds.SourcePollSeconds : new Platform.Builds.BuildSettings().SourcePollSeconds);
        var poller = new SourcePoller(new GitRefClient(GitClient(options)), interval, options.Jitter ?? Random.Shared.NextDouble);
        var reconciler = new SourceReconciler(apps.Store, builds.Store, client, events, poller, options.Time, loggers?.CreateLogger("controller.source"));
        var controller = new Controller("source", reconciler, new ControllerOptions { Workers = Workers }, loggers?.CreateLogger("controller.source"))
            .For(apps);
        return host.Add(controller);
    }

#pragma warning disable CA2000 // One client for the operator's lifetime, as HttpClient is meant to be used; a handler from the options stays its owner's.
    private static HttpClient GitClient(SourceControllerOptions options) =>
        new(options.Handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5), MaxAutomaticRedirections = 5 }, disposeHandler: options.Handler is null)
        {
            Timeout = options.RequestTimeout,
        };
#pragma warning restore CA2000
}
