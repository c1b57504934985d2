using System.Text.Json.Nodes;
using Kube.Models;
using Kube.Testing.Kubelet;
using Paas.Controllers.Builds;
using Paas.Controllers.Tests.Support;

namespace Paas.Controllers.Tests.Builds;

public class TestKubeletJobPodTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public TestKubeletJobPodTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Job_pod_carries_the_exit_codes_and_termination_messages_the_test_decided()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions
        {
            Namespace = ns,
            JobPod = job => job.Metadata.Name == "j1"
                ? JobPodOutcome.Failed([ContainerOutcome.Completed("fetch", "abc123")], [ContainerOutcome.Failed("main", "boom", exitCode: 2)])
                : null,
        });

        await cluster.Client.CreateAsync(NewJob(ns, "j1"));

        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<Job>("j1", ns)).Status?.Conditions?.Any(c => c.Type == "Failed" && c.Reason == "BackoffLimitExceeded") == true,
            "j1 failed");
        var pod = await BuildPod.ReadAsync(cluster.Client.Dynamic, ns, "j1", CancellationToken.None);
        pod!.Name.Should().StartWith("j1-");
        pod.Of("fetch").Should().Be(new StepTermination("fetch", 0, "Completed", "abc123"));
        pod.Of("main").Should().Be(new StepTermination("main", 2, "Error", "boom"));
    }

    [Fact]
    public async Task Running_job_pod_reports_running_containers_and_an_active_job()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions
        {
            Namespace = ns,
            JobPod = _ => new JobPodOutcome { Verdict = JobVerdict.Running, Containers = [ContainerOutcome.Running("main")] },
        });

        await cluster.Client.CreateAsync(NewJob(ns, "j2"));

        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<Job>("j2", ns)).Status?.Active == 1, "j2 is active");
        var pods = await cluster.Client.Dynamic.ListAsync(new ResourceType(string.Empty, "v1", "Pod", "pods", Namespaced: true), ns);
        var status = (pods["items"] as JsonArray)!.Single()!["status"]!;
        ((string?)status["phase"]).Should().Be("Running");
        status["containerStatuses"]![0]!["state"]!["running"].Should().NotBeNull();
        (await cluster.Client.GetAsync<Job>("j2", ns)).Status!.Conditions.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Jobs_without_a_pod_outcome_keep_the_verdict_behaviour()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns, JobPod = _ => null });

        await cluster.Client.CreateAsync(NewJob(ns, "j3"));

        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<Job>("j3", ns)).Status?.Succeeded == 1, "j3 completed");
        (await BuildPod.ReadAsync(cluster.Client.Dynamic, ns, "j3", CancellationToken.None)).Should().BeNull("no pod was asked for");
    }

    private static Job NewJob(string ns, string name) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = ns },
        Spec = new JobSpec
        {
            Template = new PodTemplateSpec
            {
                Spec = new PodSpec
                {
                    InitContainers = [new Container { Name = "fetch", Image = "busybox" }],
                    Containers = [new Container { Name = "main", Image = "busybox" }],
                    RestartPolicy = "Never",
                },
            },
        },
    };
}
