using System.Text.Json.Nodes;
using Kube.Models;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Paas.Controllers.Dynos;
using Paas.Platform;
using Paas.Platform.Dynos;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Dynos;

/// <summary>
/// Kube.Testing runs no kubelet and sets creationTimestamp itself, so "old" dynos come from a short cycling period
/// instead: with a 2-second period and no jitter, pods created now are due two seconds later, and the controller
/// must come back on its own at that deadline.
/// </summary>
public class DynoCyclingTests : IClassFixture<Cluster>
{
    private static readonly DynoCycleSettings Fast = new() { Period = TimeSpan.FromSeconds(2), MaxJitter = TimeSpan.Zero, Recheck = TimeSpan.FromMilliseconds(200) };

    private readonly Cluster cluster;

    public DynoCyclingTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Due_dynos_restart_one_at_a_time_waiting_for_each_replacement_to_be_ready()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateDeploymentAsync(ns, replicas: 2);
        var a = await CreateDynoAsync(ns, "shop-web-a", ready: true);
        var b = await CreateDynoAsync(ns, "shop-web-b", ready: true);
        await using var op = await StartAsync(ns);

        await WaitForGoneAsync(ns, "shop-web-a");
        (await cluster.Client.TryGetAsync<Pod>("shop-web-b", ns)).Should().NotBeNull("b is due too, but only one dyno of a type restarts at a time");
        a.Metadata.Uid.Should().NotBe(b.Metadata.Uid);

        // The Deployment's replacement appears and starts; b, overdue by now, must wait for it.
        await CreateDynoAsync(ns, "shop-web-c", ready: false);
        await Task.Delay(Fast.Period + TimeSpan.FromMilliseconds(500));
        (await cluster.Client.TryGetAsync<Pod>("shop-web-b", ns)).Should().NotBeNull("the replacement is not ready yet");

        await MarkReadyAsync(ns, "shop-web-c");

        await WaitForGoneAsync(ns, "shop-web-b");
        (await cluster.Client.TryGetAsync<Pod>("shop-web-c", ns)).Should().NotBeNull("with b gone only one of two dynos runs, so c waits");
    }

    [Fact]
    public async Task Dynos_of_different_process_types_cycle_independently_and_foreign_pods_are_left_alone()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateDeploymentAsync(ns, replicas: 1, processType: "web");
        await CreateDeploymentAsync(ns, replicas: 1, processType: "worker");
        await CreateDynoAsync(ns, "shop-web-a", ready: true);
        await CreateDynoAsync(ns, "shop-worker-a", ready: true, processType: "worker");
        await cluster.Client.CreateAsync(new Pod { Metadata = new ObjectMeta { Name = "by-hand", Namespace = ns }, Spec = Spec() });
        await using var op = await StartAsync(ns);

        await WaitForGoneAsync(ns, "shop-web-a");
        await WaitForGoneAsync(ns, "shop-worker-a");
        (await cluster.Client.TryGetAsync<Pod>("by-hand", ns)).Should().NotBeNull("a pod without paas.dev/app is no dyno");
    }

    [Fact]
    public async Task Dynos_younger_than_the_period_are_not_restarted()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateDeploymentAsync(ns, replicas: 1);
        await CreateDynoAsync(ns, "shop-web-a", ready: true);
        await using var op = await StartAsync(ns, DynoCycleSettings.Heroku);
        await Eventually.TrueAsync(() => op.Host.IsActive, "the dyno controller runs");
        await Task.Delay(TimeSpan.FromSeconds(1));

        (await cluster.Client.TryGetAsync<Pod>("shop-web-a", ns)).Should().NotBeNull();
        op.Requests.Requests.Should().NotContain(r => r.Method == HttpMethod.Delete);
    }

    [Fact]
    public async Task Period_from_the_platform_settings_reaches_the_dyno_controller()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateDeploymentAsync(ns, replicas: 1);
        await CreateDynoAsync(ns, "shop-web-a", ready: true);
        await using var op = await StartOperatorAsync(ns, new DynoCyclingSettings { Period = Fast.Period, MaxJitter = TimeSpan.Zero });

        await WaitForGoneAsync(ns, "shop-web-a");
    }

    [Fact]
    public async Task Cycling_turned_off_in_the_platform_settings_caches_no_pods_and_restarts_none()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateDeploymentAsync(ns, replicas: 1);
        await CreateDynoAsync(ns, "shop-web-a", ready: true);
        await using var op = await StartOperatorAsync(ns, new DynoCyclingSettings { Enabled = false, Period = Fast.Period, MaxJitter = TimeSpan.Zero });
        await Eventually.TrueAsync(() => op.Host.IsActive && op.Host.HasSynced, "the operator's caches are filled");
        await Task.Delay(Fast.Period + TimeSpan.FromSeconds(1));

        (await cluster.Client.TryGetAsync<Pod>("shop-web-a", ns)).Should().NotBeNull("cycling is off");
        op.Requests.Requests.Should().NotContain(r => r.Path.Contains("/pods", StringComparison.Ordinal), "without cycling the operator neither lists nor watches dynos");
    }

    [Fact]
    public void Cached_dynos_keep_what_cycling_reads_and_drop_their_spec()
    {
        var pod = new Pod
        {
            Metadata = new ObjectMeta { Name = "shop-web-a", Namespace = "team", Uid = "u1", Labels = Labels("web"), CreationTimestamp = DateTimeOffset.UnixEpoch },
            Spec = Spec(),
            Status = new PodStatus { Phase = "Running", Conditions = [new PodCondition { Type = "Ready", Status = "True" }] },
        };

        var slim = DynoCycling.Slim(pod);

        slim.Spec.Should().BeNull();
        slim.Metadata.Should().Be(pod.Metadata);
        slim.Status.Should().Be(pod.Status);
        DynoCyclePlanner.IsReady(slim).Should().BeTrue();
        DynoCycleReconciler.DeploymentOf(slim).Should().Equal(DynoCycleReconciler.DeploymentOf(pod));
    }

    private async Task<RunningDynos> StartOperatorAsync(string ns, DynoCyclingSettings cycling)
    {
        var (client, requests) = cluster.NewClient();
        var recorder = new EventRecorder(cluster.NewClient().Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
        var host = new ControllerHost();
        OperatorControllers.AddTo(host, client, recorder, @namespace: ns, settings: PlatformSettings.Default with { DynoCycling = cycling });
        host.AddBackground("events", recorder.RunAsync);
        var stop = new CancellationTokenSource();
        return new RunningDynos(host, host.RunAsync(stop.Token), stop, requests);
    }

    private async Task<RunningDynos> StartAsync(string ns, DynoCycleSettings? settings = null)
    {
        var (client, requests) = cluster.NewClient();
        var recorder = new EventRecorder(cluster.NewClient().Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
        var host = new ControllerHost();
        var deployments = new Informer<Deployment>(client, new InformerOptions { Namespace = ns, LabelSelector = PaasLabels.App });
        host.Add(deployments);
        DynoCycling.AddTo(host, client, deployments, recorder, ns, settings: settings ?? Fast);
        host.AddBackground("events", recorder.RunAsync);
        var stop = new CancellationTokenSource();
        return new RunningDynos(host, host.RunAsync(stop.Token), stop, requests);
    }

    private Task<Deployment> CreateDeploymentAsync(string ns, int replicas, string processType = "web") =>
        cluster.Client.CreateAsync(new Deployment
        {
            Metadata = new ObjectMeta { Name = $"shop-{processType}", Namespace = ns, Labels = Labels(processType) },
            Spec = new DeploymentSpec
            {
                Replicas = replicas,
                Selector = new LabelSelector { MatchLabels = Labels(processType) },
                Template = new PodTemplateSpec { Metadata = new ObjectMeta { Labels = Labels(processType) }, Spec = Spec() },
            },
        });

    private async Task<Pod> CreateDynoAsync(string ns, string name, bool ready, string processType = "web")
    {
        var pod = await cluster.Client.CreateAsync(new Pod { Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = Labels(processType) }, Spec = Spec() });
        await SetReadyAsync(ns, name, ready);
        return pod;
    }

    private Task MarkReadyAsync(string ns, string name) => SetReadyAsync(ns, name, true);

    private Task SetReadyAsync(string ns, string name, bool ready) =>
        cluster.Client.MergePatchAsync<Pod>(name, ns, new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["phase"] = "Running",
                ["conditions"] = new JsonArray(new JsonObject { ["type"] = "Ready", ["status"] = ready ? "True" : "False" }),
            },
        }, "status");

    private Task WaitForGoneAsync(string ns, string name) =>
        Eventually.TrueAsync(async () => await cluster.Client.TryGetAsync<Pod>(name, ns) is null, $"dyno {name} is restarted (deleted)");

    private static Dictionary<string, string> Labels(string processType) => new() { [PaasLabels.App] = "shop", [PaasLabels.ProcessType] = processType };

    private static PodSpec Spec() => new() { Containers = [new Container { Name = "web", Image = Cluster.Image }], TerminationGracePeriodSeconds = 30 };

    private sealed record RunningDynos(ControllerHost Host, Task Run, CancellationTokenSource Stop, CountingHandler Requests) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Run;
            Stop.Dispose();
        }
    }
}
