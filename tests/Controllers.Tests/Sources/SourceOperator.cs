using Kube.Client;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Paas.Controllers.Sources;
using Paas.Controllers.Tests.Support;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Controllers.Tests.Sources;

/// <summary>
/// The source controller against a <see cref="FakeGitHost"/>, limited to one namespace: alone (<see cref="SourceControllers.AddTo"/>
/// on App and Build informers), or inside the whole operator (<see cref="OperatorControllers.AddTo"/>), so that the App
/// reconciler writes App status beside it. Polls every <c>pollSeconds</c> without jitter.
/// </summary>
internal sealed class SourceOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private Task run = Task.CompletedTask;

    private SourceOperator()
    {
    }

    public ControllerHost Host { get; } = new();

    /// <param name="cluster">The API server.</param>
    /// <param name="ns">The namespace the operator watches.</param>
    /// <param name="git">The git host.</param>
    /// <param name="pollSeconds">builds.sourcePollSeconds.</param>
    /// <param name="wholeOperator">Run every controller, not only the source controller.</param>
    /// <param name="client">The operator's client; a new one on the cluster when null.</param>
    public static async Task<SourceOperator> StartAsync(Cluster cluster, string ns, FakeGitHost git, int pollSeconds = 1, bool wholeOperator = false, KubeClient? client = null)
    {
        var running = new SourceOperator();
        client ??= cluster.NewClient().Client;
        var recorder = new EventRecorder(cluster.NewClient().Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
        var options = new SourceControllerOptions
        {
            Settings = PlatformSettings.Default with { Builds = new BuildSettings { SourcePollSeconds = pollSeconds } },
            Handler = git,
            Jitter = () => 0,
        };
        if (wholeOperator)
        {
            OperatorControllers.AddTo(running.Host, client, recorder, @namespace: ns, sources: options);
        }
        else
        {
            var informers = new InformerOptions { Namespace = ns };
            var apps = new Informer<App>(client, informers);
            var builds = new Informer<Build>(client, informers);
            running.Host.Add(apps).Add(builds);
            SourceControllers.AddTo(running.Host, client, recorder, apps, builds, options: options);
        }

        running.Host.AddBackground("events", recorder.RunAsync);
        running.run = running.Host.RunAsync(running.stop.Token);
        await Eventually.TrueAsync(() => running.Host.IsActive, "the source controller's caches synced");
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        if (!stop.IsCancellationRequested)
        {
            await stop.CancelAsync();
            await run;
        }

        stop.Dispose();
    }
}
