using Kube.Models;
using Kube.Testing.Kubelet;
using Paas.Controllers.Apps;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using static Paas.Controllers.Tests.Apps.OperatorUnderTest;

namespace Paas.Controllers.Tests.Apps;

/// <summary>
/// The benchmark's cold start in small: an App whose first Release is already current, a Formation of one web and one
/// worker dyno, no workloads yet; the operator's writes are counted at the HTTP layer.
/// </summary>
public class ColdStartWritesTests : IClassFixture<Cluster>
{
    private static readonly Dictionary<string, string> WebAndWorker = new() { ["web"] = "bin/web", ["worker"] = "bin/worker" };

    private readonly Cluster cluster;

    public ColdStartWritesTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Cold_start_of_web_and_worker_records_one_rollout_started_event_and_writes_each_status_once_when_the_dynos_get_ready_at_once()
    {
        var ns = await SeedAsync(web: 1, worker: 1);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var op = await StartAsync(cluster, ns);

        await WaitForReadyAsync(cluster.Client, ns, 1);
        await WaitForAsync<Formation>(cluster.Client, ns, "shop", IsReady, "the Formation reports its dynos ready");
        await Eventually.TrueAsync(async () => (await RolloutEventsAsync(ns)).Count >= 2, "the rollout's events are recorded");
        // A held status is written at the latest one window after it was first held: wait that out, then count.
        await Task.Delay(SettlingStatuses.DefaultWindow * 2);

        var events = await RolloutEventsAsync(ns);
        events.Where(e => e.Reason == WorkloadReasons.RolloutStarted).Select(e => e.Note).Should().Equal(
            "Rolling out v1 to the web, worker dynos (Deployments shop-web, shop-worker).");
        events.Where(e => e.Reason == WorkloadReasons.RolloutComplete).Select(e => e.Note).Should().Equal("v1 is running: web 1/1, worker 1/1.");
        StatusWrites(op, "apps").Should().HaveCount(1, "the rollout finished within the window, so only Ready is reported");
        StatusWrites(op, "formations").Should().HaveCount(1, "the dynos got ready within the window, so only that is reported");
    }

    [Fact]
    public async Task Dynos_that_never_get_ready_are_reported_rolling_out_naming_the_type_behind()
    {
        var ns = await SeedAsync(web: 1, worker: 1);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        kubelet.Hold(ns, "shop-web");
        await using var op = await StartAsync(cluster, ns);

        var app = await WaitForAppAsync(cluster.Client, ns, app => ReadyCondition(app.Status?.Conditions)?.Reason == WorkloadReasons.RollingOut, "the App reports its rollout");
        var formation = await WaitForAsync<Formation>(
            cluster.Client, ns, "shop", f => ReadyCondition(f.Status?.Conditions)?.Message?.Contains("web 0/1", StringComparison.Ordinal) == true, "the Formation reports web behind");
        await Eventually.TrueAsync(
            async () => ReadyCondition((await cluster.Client.GetAsync<App>("shop", ns)).Status?.Conditions)?.Message == "Rolling out v1; not ready yet: web 0/1.",
            "the worker's readiness reaches the App's message");

        app.Status!.ObservedGeneration.Should().Be(app.Metadata.Generation);
        formation.Status!.Processes.Should().ContainKey("worker");
        ReadyCondition(formation.Status.Conditions)!.Status.Should().Be("False");
    }

    [Fact]
    public async Task Without_a_deployment_controller_a_type_scaled_to_zero_is_not_reported_as_behind()
    {
        // The embedded server has no deployment controller: Deployments never get status.
        var ns = await SeedAsync(web: 1, worker: 0);
        await using var op = await StartAsync(cluster, ns);

        var app = await WaitForAppAsync(cluster.Client, ns, app => ReadyCondition(app.Status?.Conditions) is not null, "the App reports its rollout");

        ReadyCondition(app.Status!.Conditions)!.Message.Should().Be("Rolling out v1; not ready yet: web 0/1.");
        app.Status.Processes!["worker"].Should().BeEquivalentTo(new ProcessStatus { Desired = 0, Ready = 0 });
    }

    private static Condition? ReadyCondition(IReadOnlyList<Condition>? conditions) => conditions?.FirstOrDefault(c => c.Type == ConditionTypes.Ready);

    private static bool IsReady(Formation formation) =>
        formation.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Ready && c.Status == "True" && c.ObservedGeneration == formation.Metadata.Generation) == true;

    private static List<(HttpMethod Method, string Path)> StatusWrites(OperatorUnderTest op, string resource) =>
        [.. op.Requests.Requests.Where(r => r.Method != HttpMethod.Get && r.Path.Contains($"/{resource}/shop/status", StringComparison.Ordinal))];

    /// <summary>App shop with v1 Succeeded and current and a Formation, as the benchmark seeds each App.</summary>
    private async Task<string> SeedAsync(int web, int worker)
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        await CreateReleaseAsync(cluster.Client, ns, 1, WebAndWorker);
        await MakeCurrentAsync(cluster.Client, ns, 1);
        await cluster.Client.CreateAsync(new Formation
        {
            Metadata = new ObjectMeta { Name = "shop", Namespace = ns },
            Spec = new FormationSpec
            {
                App = "shop",
                Processes = new Dictionary<string, ProcessFormation> { ["web"] = new() { Quantity = web }, ["worker"] = new() { Quantity = worker } },
            },
        });
        return ns;
    }

    private async Task<List<Event>> RolloutEventsAsync(string ns) =>
        [.. (await cluster.Client.ListAsync<Event>(ns)).Items.Where(e => e.Regarding?.Kind == "App" && e.Reason?.StartsWith("Rollout", StringComparison.Ordinal) == true)];
}
