using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Releases;

/// <summary>The whole operator as the host runs it (<see cref="OperatorControllers.AddTo"/>), in one namespace, with its writes counted.</summary>
internal sealed class ReleaseTestOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task run;

    private ReleaseTestOperator(ControllerHost host, CountingHandler requests)
    {
        Host = host;
        Requests = requests;
        run = host.RunAsync(stop.Token);
    }

    public ControllerHost Host { get; }

    public CountingHandler Requests { get; }

    public static async Task<ReleaseTestOperator> StartAsync(Cluster cluster, string ns)
    {
        var (client, requests) = cluster.NewClient();
        var recorder = new EventRecorder(cluster.NewClient().Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
        var host = new ControllerHost();
        OperatorControllers.AddTo(host, client, recorder, @namespace: ns);
        host.AddBackground("events", recorder.RunAsync);
        var running = new ReleaseTestOperator(host, requests);
        await Eventually.TrueAsync(() => running.Host.IsActive, "the operator's caches synced and its controllers run");
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

    /// <summary>A Release of App <c>shop</c> as a deploy would create it.</summary>
    public static Task<Release> CreateReleaseAsync(KubeClient client, string ns, int version, IReadOnlyDictionary<string, string> processTypes, string image = Cluster.Image) =>
        client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = $"shop-v{version}", Namespace = ns, Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
            Spec = new ReleaseSpec { App = "shop", Version = version, Image = image, ProcessTypes = processTypes, Description = $"Deploy v{version}" },
        });

    public static async Task<Release> WaitForReleaseAsync(KubeClient client, string ns, int version, Func<Release, bool> condition, string because)
    {
        Release? release = null;
        await Eventually.TrueAsync(
            async () => (release = await client.TryGetAsync<Release>($"shop-v{version}", ns)) is not null && condition(release),
            $"shop-v{version} {because}");
        return release!;
    }

    /// <summary>Changes a Job's metadata so that the test kubelet looks at it again (it judges Jobs on ADDED and MODIFIED).</summary>
    public static Task PokeAsync(KubeClient client, string ns, string jobName) =>
        client.MergePatchAsync<Job>(jobName, ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { ["test/poked"] = Guid.NewGuid().ToString("N") } },
        });
}
