using System.Text.Json.Nodes;
using Kube.Models;
using Kube.Testing.Kubelet;
using Paas.Controllers.Tests.Support;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Rendering;
using static Paas.Controllers.Tests.Apps.OperatorUnderTest;

namespace Paas.Controllers.Tests.Apps;

public class WorkloadTests : IClassFixture<Cluster>
{
    private static readonly PlatformSettings Settings = new()
    {
        BaseDomain = "apps.example.com",
        Rendering = new RenderingSettings { Tls = true, IngressClassName = "nginx" },
    };

    private static readonly Dictionary<string, string> WebAndWorker = new() { ["web"] = "bin/web", ["worker"] = "bin/worker" };

    private readonly Cluster cluster;

    public WorkloadTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task First_release_runs_as_owned_workloads_and_the_app_reports_ready_with_url_and_processes()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        await CreateReleaseAsync(cluster.Client, ns, 1, WebAndWorker);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns, Settings);

        await MakeCurrentAsync(cluster.Client, ns, 1);

        var ready = await WaitForReadyAsync(cluster.Client, ns, 1);
        ready.Status!.Url.Should().Be($"https://shop.{ns}.apps.example.com");
        ready.Status.ObservedGeneration.Should().Be(ready.Metadata.Generation);
        ready.Status.Processes.Should().BeEquivalentTo(new Dictionary<string, ProcessStatus>
        {
            ["web"] = new() { Desired = 1, Ready = 1 },
            ["worker"] = new() { Desired = 0, Ready = 0 },
        });
        ready.Status.Conditions.Should().Contain(c => c.Type == ConditionTypes.Ready && c.Reason == "Ready" && c.Message == "v1 is running: web 1/1, worker 0/0.");
        var web = await cluster.Client.GetAsync<Deployment>("shop-web", ns);
        var worker = await cluster.Client.GetAsync<Deployment>("shop-worker", ns);
        var service = await cluster.Client.GetAsync<Service>("shop-web", ns);
        var ingress = await cluster.Client.GetAsync<Ingress>("shop-web", ns);
        foreach (var owned in new IKubernetesObject[] { web, worker, service, ingress })
        {
            owned.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == app.Metadata.Uid && o.Controller == true, $"{owned.Kind} {owned.Metadata.Name} is owned by the App");
            owned.Metadata.ManagedFields.Should().Contain(f => f.Manager == "paas-operator");
        }

        web.Spec!.Replicas.Should().Be(1);
        worker.Spec!.Replicas.Should().Be(0);
        ingress.Spec!.Rules!.Single().Host.Should().Be($"shop.{ns}.apps.example.com");
        ingress.Spec.Tls.Should().ContainSingle();
    }

    [Fact]
    public async Task Config_change_rolls_the_deployments_to_the_new_snapshot_secret()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns, Settings);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await WaitForReadyAsync(cluster.Client, ns, 1);

        await cluster.Client.MergePatchAsync<App>("shop", ns, JsonNode.Parse("""{"spec":{"config":{"FOO":"1"}}}""")!);
        var v2 = await WaitForAsync<Release>(cluster.Client, ns, "shop-v2", _ => true, "the config change created v2");
        await MakeCurrentAsync(cluster.Client, ns, 2);

        await WaitForReadyAsync(cluster.Client, ns, 2);
        var web = await cluster.Client.GetAsync<Deployment>("shop-web", ns);
        web.Metadata.Labels.Should().Contain(PaasLabels.Release, "v2");
        web.Spec!.Template.Metadata!.Labels.Should().Contain(PaasLabels.Release, "v2");
        web.Spec.Template.Spec!.Containers.Single().EnvFrom!.Single().SecretRef!.Name.Should().Be(v2.Spec.Config!.SecretName);
        await Eventually.TrueAsync(
            async () =>
            {
                var events = (await cluster.Client.ListAsync<Event>(ns)).Items.Where(e => e.Regarding?.Kind == "App").ToList();
                return events.Any(e => e.Reason == "RolloutStarted" && e.Note!.Contains("v2", StringComparison.Ordinal))
                    && events.Any(e => e.Reason == "RolloutComplete" && e.Note!.StartsWith("v2 is running", StringComparison.Ordinal));
            },
            "the App has RolloutStarted and RolloutComplete events for v2");
    }

    [Fact]
    public async Task Process_type_removed_from_the_release_has_its_workloads_pruned()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        await CreateReleaseAsync(cluster.Client, ns, 1, WebAndWorker);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns, Settings);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await WaitForReadyAsync(cluster.Client, ns, 1);

        await cluster.Client.MergePatchAsync<App>("shop", ns, JsonNode.Parse("""{"spec":{"procfile":"web: bin/web"}}""")!);
        await WaitForAsync<Release>(cluster.Client, ns, "shop-v2", r => !r.Spec.ProcessTypes!.ContainsKey("worker"), "the Procfile change created v2 without worker");
        await MakeCurrentAsync(cluster.Client, ns, 2);

        await WaitForGoneAsync<Deployment>(cluster.Client, ns, "shop-worker");
        var ready = await WaitForAppAsync(
            cluster.Client, ns, app => IsReady(app) && app.Status?.Processes?.ContainsKey("worker") == false, "App shop is Ready with v2 and reports no worker");
        ready.Status!.CurrentRelease.Should().Be(2);
        ready.Status.Processes.Should().ContainKey("web");
        (await cluster.Client.TryGetAsync<Deployment>("shop-web", ns)).Should().NotBeNull();

        // Now the web process goes: its Deployment, Service and Ingress with it, and the App has no URL.
        await cluster.Client.MergePatchAsync<App>("shop", ns, JsonNode.Parse("""{"spec":{"procfile":"worker: bin/worker"}}""")!);
        await WaitForAsync<Release>(cluster.Client, ns, "shop-v3", _ => true, "the Procfile change created v3");
        await MakeCurrentAsync(cluster.Client, ns, 3);

        await WaitForGoneAsync<Ingress>(cluster.Client, ns, "shop-web");
        await WaitForGoneAsync<Service>(cluster.Client, ns, "shop-web");
        await WaitForGoneAsync<Deployment>(cluster.Client, ns, "shop-web");
        var workerOnly = await WaitForAppAsync(
            cluster.Client, ns, app => IsReady(app) && app.Status?.CurrentRelease == 3 && app.Status.Url is null && app.Status.Processes?.ContainsKey("web") == false,
            "App shop runs v3 without web and URL");
        workerOnly.Status!.Processes.Should().ContainKey("worker").And.NotContainKey("web");
        (await cluster.Client.TryGetAsync<Deployment>("shop-worker", ns)).Should().NotBeNull();
    }

    [Fact]
    public async Task Maintenance_mode_routes_the_ingress_to_the_maintenance_page_and_back()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns, Settings);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await WaitForReadyAsync(cluster.Client, ns, 1);

        await cluster.Client.MergePatchAsync<App>("shop", ns, JsonNode.Parse("""{"spec":{"maintenance":true}}""")!);

        var maintenance = await WaitForAsync<Service>(cluster.Client, ns, "shop-maintenance", _ => true, "the maintenance Service exists");
        maintenance.Spec!.Type.Should().Be("ExternalName");
        await WaitForAsync<Ingress>(cluster.Client, ns, "shop-web", i => BackendOf(i) == "shop-maintenance", "the Ingress routes to the maintenance page");
        (await cluster.Client.GetAsync<Service>("shop-web", ns)).Spec!.Type.Should().Be("ClusterIP", "the web Service stays for when maintenance ends");

        await cluster.Client.MergePatchAsync<App>("shop", ns, JsonNode.Parse("""{"spec":{"maintenance":false}}""")!);

        await WaitForAsync<Ingress>(cluster.Client, ns, "shop-web", i => BackendOf(i) == "shop-web", "the Ingress routes to the web dynos again");
        await WaitForGoneAsync<Service>(cluster.Client, ns, "shop-maintenance");
    }

    [Fact]
    public async Task Autoscaler_owns_replicas_and_a_later_apply_does_not_take_them_back()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await CreateFormationAsync(ns, """{"web":{"autoscale":{"min":2,"max":5}}}""");
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns, Settings);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await WaitForAsync<HorizontalPodAutoscaler>(cluster.Client, ns, "shop-web", h => h.Spec!.MinReplicas == 2, "the HPA exists");
        await WaitForAsync<PodDisruptionBudget>(cluster.Client, ns, "shop-web", _ => true, "several web dynos get a PDB");

        // The HPA controller scales through its own field manager.
        var hpa = cluster.NewClient().Client;
        await hpa.MergePatchAsync<Deployment>("shop-web", ns, JsonNode.Parse("""{"spec":{"replicas":4}}""")!);
        await cluster.Client.MergePatchAsync<App>("shop", ns, JsonNode.Parse("""{"spec":{"config":{"FOO":"1"}}}""")!);
        await WaitForAsync<Release>(cluster.Client, ns, "shop-v2", _ => true, "the config change created v2");
        await MakeCurrentAsync(cluster.Client, ns, 2);

        var ready = await WaitForReadyAsync(cluster.Client, ns, 2);
        var web = await cluster.Client.GetAsync<Deployment>("shop-web", ns);
        web.Metadata.Labels.Should().Contain(PaasLabels.Release, "v2", "v2's template was applied");
        web.Spec!.Replicas.Should().Be(4, "the operator never states replicas while the HPA owns them");
        ready.Status!.Processes!["web"].Should().BeEquivalentTo(new ProcessStatus { Desired = 4, Ready = 4 });

        await cluster.Client.MergePatchAsync<Formation>("shop", ns, JsonNode.Parse("""{"spec":{"processes":{"web":{"autoscale":null,"quantity":1}}}}""")!);

        await WaitForGoneAsync<HorizontalPodAutoscaler>(cluster.Client, ns, "shop-web");
        await WaitForGoneAsync<PodDisruptionBudget>(cluster.Client, ns, "shop-web");
        await WaitForAsync<Deployment>(cluster.Client, ns, "shop-web", d => d.Spec!.Replicas == 1, "the fixed quantity takes replicas back");
    }

    [Fact]
    public async Task Operator_restarted_in_the_middle_of_a_rollout_converges()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        var first = await StartAsync(cluster, ns, Settings);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await WaitForReadyAsync(cluster.Client, ns, 1);
        kubelet.Hold(ns, "shop-web");

        await cluster.Client.MergePatchAsync<App>("shop", ns, JsonNode.Parse("""{"spec":{"procfile":"web: bin/web --v2"}}""")!);
        await WaitForAsync<Release>(cluster.Client, ns, "shop-v2", _ => true, "the Procfile change created v2");
        await MakeCurrentAsync(cluster.Client, ns, 2);
        await WaitForAppAsync(cluster.Client, ns, app => app.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Ready && c.Reason == "RollingOut") == true, "v2 is rolling out");
        await first.DisposeAsync();
        await using var second = await StartAsync(cluster, ns, Settings);
        await kubelet.UnholdAsync(ns, "shop-web");

        var ready = await WaitForReadyAsync(cluster.Client, ns, 2);
        ready.Status!.Processes!["web"].Should().BeEquivalentTo(new ProcessStatus { Desired = 1, Ready = 1 });
        var web = await cluster.Client.GetAsync<Deployment>("shop-web", ns);
        web.Spec!.Template.Spec!.Containers.Single().Args.Should().Equal("bin/web --v2");
        (await cluster.Client.ListAsync<Release>(ns)).Items.Should().HaveCount(2, "a restart creates no release");
    }

    [Fact]
    public async Task Restarted_operator_resyncing_unchanged_apps_makes_zero_writes()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns }, Spec = new AppSpec { Maintenance = true } });
        await CreateReleaseAsync(cluster.Client, ns, 1, WebAndWorker);
        await CreateFormationAsync(ns, """{"web":{"quantity":2},"worker":{"autoscale":{"min":1,"max":3}}}""");
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using (var first = await StartAsync(cluster, ns, Settings))
        {
            await MakeCurrentAsync(cluster.Client, ns, 1);
            await WaitForReadyAsync(cluster.Client, ns, 1);
            await WaitForAsync<Formation>(cluster.Client, ns, "shop", f => f.Status?.ObservedGeneration == f.Metadata.Generation, "the Formation has status");
        }

        await using var second = await StartAsync(cluster, ns, Settings);
        await Eventually.TrueAsync(() => second.Requests.Requests.Count(r => r.Path.Contains("watch=", StringComparison.Ordinal)) >= 8, "the restarted operator watches");
        await Task.Delay(TimeSpan.FromSeconds(1));

        second.Requests.Writes.Should().Be(0, "every object and status already is as desired: {0}", string.Join(", ", second.Requests.Requests.Where(r => r.Method != HttpMethod.Get)));
    }

    private static string? BackendOf(Ingress ingress) => ingress.Spec?.Rules?.Single().Http?.Paths.Single().Backend.Service?.Name;

    private Task<Formation> CreateFormationAsync(string ns, string processes) =>
        cluster.Client.CreateAsync(System.Text.Json.JsonSerializer.Deserialize<Formation>(
            $$$"""{"metadata":{"name":"shop","namespace":"{{{ns}}}"},"spec":{"app":"shop","processes":{{{processes}}}}}""", PaasJson.Options)!);
}
