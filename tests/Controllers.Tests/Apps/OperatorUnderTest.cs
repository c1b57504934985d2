using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Paas.Controllers.Tests.Support;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Apps;

/// <summary>
/// The operator as the host runs it (<see cref="OperatorControllers.AddTo"/>), limited to one namespace, with its
/// client's requests counted; plus steps that put a Release live directly, so workload tests need no release phase.
/// </summary>
internal sealed class OperatorUnderTest : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task run;

    private OperatorUnderTest(ControllerHost host, CountingHandler requests)
    {
        Host = host;
        Requests = requests;
        run = host.RunAsync(stop.Token);
    }

    public ControllerHost Host { get; }

    public CountingHandler Requests { get; }

    public static async Task<OperatorUnderTest> StartAsync(Cluster cluster, string ns, PlatformSettings? settings = null)
    {
        var (client, requests) = cluster.NewClient();
        var recorder = new EventRecorder(cluster.NewClient().Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
        var host = new ControllerHost();
        OperatorControllers.AddTo(host, client, recorder, @namespace: ns, settings: settings);
        host.AddBackground("events", recorder.RunAsync);
        var running = new OperatorUnderTest(host, requests);
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
    public static Task<Release> CreateReleaseAsync(KubeClient client, string ns, int version, IReadOnlyDictionary<string, string> processTypes, ReleaseConfig? config = null) =>
        client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = $"shop-v{version}", Namespace = ns, Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
            Spec = new ReleaseSpec { App = "shop", Version = version, Image = Cluster.Image, ProcessTypes = processTypes, Config = config },
        });

    /// <summary>Does what the Release controller will: marks <c>shop-v{version}</c> Succeeded and current, and every other Release not current.</summary>
    public static async Task MakeCurrentAsync(KubeClient client, string ns, int version)
    {
        foreach (var release in (await client.ListAsync<Release>(ns)).Items.Where(r => r.Spec.App == "shop"))
        {
            var current = release.Spec.Version == version;
            var status = new JsonObject { ["current"] = current };
            if (current)
            {
                status["phase"] = ReleasePhases.Succeeded;
            }

            await client.MergePatchAsync<Release>(release.Metadata.Name!, ns, new JsonObject { ["status"] = status }, "status");
        }
    }

    public static async Task<App> WaitForAppAsync(KubeClient client, string ns, Func<App, bool> condition, string because)
    {
        App? app = null;
        await Eventually.TrueAsync(async () => condition(app = await client.GetAsync<App>("shop", ns)), because);
        return app!;
    }

    public static Task<App> WaitForReadyAsync(KubeClient client, string ns, int version) =>
        WaitForAppAsync(client, ns, app => app.Status?.CurrentRelease == version && IsReady(app), $"App shop is Ready with v{version}");

    public static bool IsReady(App app) =>
        app.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Ready && c.Status == "True" && c.ObservedGeneration == app.Metadata.Generation) == true;

    public static async Task<T> WaitForAsync<T>(KubeClient client, string ns, string name, Func<T, bool> condition, string because)
        where T : class, IKubernetesObject<T>
    {
        T? found = null;
        await Eventually.TrueAsync(async () => (found = await client.TryGetAsync<T>(name, ns)) is not null && condition(found), because);
        return found!;
    }

    public static Task WaitForGoneAsync<T>(KubeClient client, string ns, string name)
        where T : class, IKubernetesObject<T> =>
        Eventually.TrueAsync(async () => await client.TryGetAsync<T>(name, ns) is null, $"{T.Resource.Kind} {name} is deleted");
}
