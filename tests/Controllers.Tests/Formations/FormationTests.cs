using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;
using Kube.Testing.Kubelet;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using static Paas.Controllers.Tests.Apps.OperatorUnderTest;

namespace Paas.Controllers.Tests.Formations;

public class FormationTests : IClassFixture<Cluster>
{
    private static readonly Dictionary<string, string> WebAndWorker = new() { ["web"] = "bin/web", ["worker"] = "bin/worker" };

    private readonly Cluster cluster;

    public FormationTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Formation_scales_each_process_type_and_reports_desired_and_ready_dynos()
    {
        var ns = await StartWithReleaseAsync("""{"web":{"quantity":2},"worker":{"quantity":1,"size":"standard-2x"}}""");
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns);
        await MakeCurrentAsync(cluster.Client, ns, 1);

        var formation = await WaitForFormationAsync(ns, f => Ready(f)?.Status == "True");

        formation.Status!.ObservedGeneration.Should().Be(formation.Metadata.Generation);
        formation.Status.Summary.Should().Be("web=2:standard-1x worker=1:standard-2x");
        formation.Status.Processes.Should().BeEquivalentTo(new Dictionary<string, ProcessStatus>
        {
            ["web"] = new() { Desired = 2, Ready = 2 },
            ["worker"] = new() { Desired = 1, Ready = 1 },
        });
        Ready(formation)!.Reason.Should().Be(ConditionReasons.DynosReady);
        (await cluster.Client.GetAsync<Deployment>("shop-web", ns)).Spec!.Replicas.Should().Be(2);
        var worker = await cluster.Client.GetAsync<Deployment>("shop-worker", ns);
        worker.Spec!.Replicas.Should().Be(1);
        worker.Spec.Template.Spec!.Containers.Single().Resources!.Limits!["memory"].Should().Be("1Gi");
        (await cluster.Client.TryGetAsync<PodDisruptionBudget>("shop-web", ns)).Should().NotBeNull("two web dynos get a disruption budget");
        (await cluster.Client.TryGetAsync<PodDisruptionBudget>("shop-worker", ns)).Should().BeNull("a single dyno gets none");
    }

    [Fact]
    public async Task Scaling_to_zero_stops_the_dynos_and_leaves_the_app_ready()
    {
        var ns = await StartWithReleaseAsync("""{"web":{"quantity":2},"worker":{"quantity":1}}""");
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await WaitForFormationAsync(ns, f => Ready(f)?.Status == "True");

        await cluster.Client.MergePatchAsync<Formation>("shop", ns, JsonNode.Parse("""{"spec":{"processes":{"web":{"quantity":0},"worker":{"quantity":0}}}}""")!);

        await WaitForAsync<Deployment>(cluster.Client, ns, "shop-web", d => d.Spec!.Replicas == 0, "web is scaled to zero");
        await WaitForAsync<Deployment>(cluster.Client, ns, "shop-worker", d => d.Spec!.Replicas == 0, "worker is scaled to zero");
        await WaitForGoneAsync<PodDisruptionBudget>(cluster.Client, ns, "shop-web");
        var formation = await WaitForFormationAsync(ns, f => f.Status?.Summary == "web=0:standard-1x worker=0:standard-1x" && Ready(f)?.Status == "True");
        formation.Status!.Processes!["web"].Should().BeEquivalentTo(new ProcessStatus { Desired = 0, Ready = 0 });
        var app = await WaitForAppAsync(cluster.Client, ns, a => IsReady(a) && a.Status?.Processes?["web"].Desired == 0, "the App is Ready with no dynos");
        app.Status!.Processes!["worker"].Should().BeEquivalentTo(new ProcessStatus { Desired = 0, Ready = 0 });
    }

    [Fact]
    public async Task Process_type_the_release_lacks_is_named_in_the_condition_and_never_runs()
    {
        var ns = await StartWithReleaseAsync("""{"web":{"quantity":1},"clock":{"quantity":1}}""");
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns);
        await MakeCurrentAsync(cluster.Client, ns, 1);

        var formation = await WaitForFormationAsync(ns, f => Ready(f)?.Status == "True");

        Ready(formation)!.Message.Should().Contain("clock").And.Contain("is not a process type of v1").And.Contain("web, worker");
        formation.Status!.Processes.Should().NotContainKey("clock");
        (await cluster.Client.TryGetAsync<Deployment>("shop-clock", ns)).Should().BeNull();
    }

    [Fact]
    public async Task Unknown_dyno_size_is_reported_on_formation_and_app_without_touching_the_dynos()
    {
        var ns = await StartWithReleaseAsync("""{"web":{"quantity":1}}""");
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await WaitForReadyAsync(cluster.Client, ns, 1);

        await cluster.Client.MergePatchAsync<Formation>("shop", ns, JsonNode.Parse("""{"spec":{"processes":{"web":{"quantity":3,"size":"huge"}}}}""")!);

        var formation = await WaitForFormationAsync(ns, f => Ready(f)?.Reason == ConditionReasons.InvalidSpec);
        Ready(formation)!.Message.Should().Contain("huge").And.Contain("standard-1x");
        var app = await WaitForAppAsync(cluster.Client, ns, a => a.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Ready && c.Reason == ConditionReasons.InvalidSpec) == true, "the App reports the bad size");
        app.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Status.Should().Be("False");
        (await cluster.Client.GetAsync<Deployment>("shop-web", ns)).Spec!.Replicas.Should().Be(1, "the last good scale keeps running");
    }

    [Fact]
    public async Task Formation_of_a_missing_app_says_so()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateFormationAsync(ns, """{"web":{"quantity":1}}""");
        await using var op = await StartAsync(cluster, ns);

        var formation = await WaitForFormationAsync(ns, f => Ready(f) is not null);

        Ready(formation)!.Reason.Should().Be(ConditionReasons.AppNotFound);
        Ready(formation)!.Message.Should().Contain("spec.app").And.Contain("\"shop\"");
    }

    private static Condition? Ready(Formation formation) => formation.Status?.Conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready);

    private async Task<string> StartWithReleaseAsync(string processes)
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        await CreateReleaseAsync(cluster.Client, ns, 1, WebAndWorker);
        await CreateFormationAsync(ns, processes);
        return ns;
    }

    private Task<Formation> CreateFormationAsync(string ns, string processes) =>
        cluster.Client.CreateAsync(JsonSerializer.Deserialize<Formation>(
            $$$"""{"metadata":{"name":"shop","namespace":"{{{ns}}}"},"spec":{"app":"shop","processes":{{{processes}}}}}""", PaasJson.Options)!);

    private Task<Formation> WaitForFormationAsync(string ns, Func<Formation, bool> condition) =>
        WaitForAsync(cluster.Client, ns, "shop", condition, "the Formation's status says so");
}
