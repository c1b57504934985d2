using System.Collections.Concurrent;
using Kube.Models;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Kube.Testing.Kubelet;
using Paas.Controllers.Builds;
using Paas.Controllers.Tests.Support;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Builds;

/// <summary>
/// The Build controller as the operator registers it (<see cref="BuildControllers.AddTo"/>), limited to one namespace,
/// with a test kubelet whose build pods end as each test decides per Job name.
/// </summary>
internal sealed class BuildOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<string, JobPodOutcome> outcomes = new(StringComparer.Ordinal);
    private Task run = Task.CompletedTask;
    private TestKubelet? kubelet;

    public ControllerHost Host { get; } = new();

    public static async Task<BuildOperator> StartAsync(Cluster cluster, string ns, PlatformSettings? settings = null)
    {
        var running = new BuildOperator();
        var client = cluster.NewClient().Client;
        var recorder = new EventRecorder(cluster.NewClient().Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
        var options = new InformerOptions { Namespace = ns };
        var apps = new Informer<App>(client, options);
        var secrets = new Informer<Secret>(client, options);
        running.Host.Add(apps).Add(secrets);
        BuildControllers.AddTo(running.Host, client, recorder, apps, secrets, ns, settings: settings);
        running.Host.AddBackground("events", recorder.RunAsync);
        running.kubelet = TestKubelet.Start(cluster.NewClient().Client, new TestKubeletOptions
        {
            Namespace = ns,
            JobVerdict = _ => JobVerdict.Running,
            JobPod = job => running.outcomes.GetValueOrDefault(job.Metadata.Name!),
        });
        running.run = running.Host.RunAsync(running.stop.Token);
        await Eventually.TrueAsync(() => running.Host.IsActive, "the Build controller's caches synced");
        return running;
    }

    /// <summary>How the pod of the build Job <paramref name="jobName"/> ends; set it before the Job appears.</summary>
    public void WillEnd(string jobName, JobPodOutcome outcome) => outcomes[jobName] = outcome;

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await run;
        if (kubelet is not null)
        {
            await kubelet.DisposeAsync();
        }

        stop.Dispose();
    }
}
