using Kube.Models;
using Kube.Testing.Kubelet;
using Paas.Controllers.Tests.Support;

namespace Paas.Controllers.Tests.Kubelet;

public class TestKubeletTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public TestKubeletTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Deployment_becomes_ready_with_its_desired_replicas()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var kubelet = TestKubelet.Start(cluster.NewClient().Client, new TestKubeletOptions { Namespace = ns });

        await cluster.Client.CreateAsync(NewDeployment(ns, "web", 3));

        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<Deployment>("web", ns)).Status?.ReadyReplicas == 3, "web has 3 ready replicas");
        var status = (await cluster.Client.GetAsync<Deployment>("web", ns)).Status!;
        status.AvailableReplicas.Should().Be(3);
        status.UpdatedReplicas.Should().Be(3);
        status.ObservedGeneration.Should().Be(1);
    }

    [Fact]
    public async Task Scaling_a_deployment_updates_its_ready_replicas_and_observed_generation()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var kubelet = TestKubelet.Start(cluster.NewClient().Client, new TestKubeletOptions { Namespace = ns });
        await cluster.Client.CreateAsync(NewDeployment(ns, "web", 1));
        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<Deployment>("web", ns)).Status?.ReadyReplicas == 1, "web ready");

        await cluster.Client.MergePatchAsync<Deployment>("web", ns, System.Text.Json.Nodes.JsonNode.Parse("""{"spec":{"replicas":2}}""")!);

        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Deployment>("web", ns)).Status is { ReadyReplicas: 2, ObservedGeneration: 2 },
            "web has 2 ready replicas at generation 2");
    }

    [Fact]
    public async Task Held_deployment_stays_unready_until_released()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var kubelet = TestKubelet.Start(cluster.NewClient().Client, new TestKubeletOptions { Namespace = ns });
        kubelet.Hold(ns, "slow");
        await cluster.Client.CreateAsync(NewDeployment(ns, "slow", 2));
        await cluster.Client.CreateAsync(NewDeployment(ns, "fast", 1));
        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<Deployment>("fast", ns)).Status?.ReadyReplicas == 1, "fast ready");

        (await cluster.Client.GetAsync<Deployment>("slow", ns)).Status?.ReadyReplicas.Should().NotBe(2);
        await kubelet.UnholdAsync(ns, "slow");

        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<Deployment>("slow", ns)).Status?.ReadyReplicas == 2, "slow ready after release");
    }

    [Fact]
    public async Task Jobs_complete_or_fail_as_the_test_decides()
    {
        var ns = await cluster.NewNamespaceAsync();
        var options = new TestKubeletOptions
        {
            Namespace = ns,
            JobVerdict = job => job.Metadata.Name switch
            {
                "migrate" => JobVerdict.Fail,
                "forever" => JobVerdict.Running,
                _ => JobVerdict.Complete,
            },
        };
        await using var kubelet = TestKubelet.Start(cluster.NewClient().Client, options);

        foreach (var name in new[] { "build", "migrate", "forever" })
        {
            await cluster.Client.CreateAsync(NewJob(ns, name));
        }

        await Eventually.TrueAsync(async () => HasCondition(await cluster.Client.GetAsync<Job>("build", ns), "Complete"), "build completes");
        await Eventually.TrueAsync(async () => HasCondition(await cluster.Client.GetAsync<Job>("migrate", ns), "Failed"), "migrate fails");
        var forever = await cluster.Client.GetAsync<Job>("forever", ns);
        (HasCondition(forever, "Complete") || HasCondition(forever, "Failed")).Should().BeFalse();
        (await cluster.Client.GetAsync<Job>("build", ns)).Status!.Succeeded.Should().Be(1);
        (await cluster.Client.GetAsync<Job>("migrate", ns)).Status!.Failed.Should().Be(1);
    }

    private static bool HasCondition(Job job, string type) =>
        job.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True") == true;

    private static PodTemplateSpec Template(string name) => new()
    {
        Metadata = new ObjectMeta { Labels = new Dictionary<string, string> { ["app"] = name } },
        Spec = new PodSpec { Containers = [new Container { Name = "main", Image = "busybox" }], RestartPolicy = "Never" },
    };

    private static Deployment NewDeployment(string ns, string name, int replicas) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new DeploymentSpec
        {
            Replicas = replicas,
            Selector = new LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = name } },
            Template = Template(name) with { Spec = Template(name).Spec! with { RestartPolicy = null } },
        },
    };

    private static Job NewJob(string ns, string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new JobSpec { Template = Template(name) },
    };
}
