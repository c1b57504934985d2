using Kube.Models;
using Paas.Controllers.Apps;
using Paas.Platform;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Apps;

public class ProcessRolloutsTests
{
    private static readonly Release V1 = new()
    {
        Metadata = new ObjectMeta { Name = "shop-v1", Namespace = "ns" },
        Spec = new ReleaseSpec
        {
            App = "shop",
            Version = 1,
            Image = "registry.example/shop@sha256:1111111111111111111111111111111111111111111111111111111111111111",
            ProcessTypes = new Dictionary<string, string> { ["web"] = "bin/web", ["worker"] = "bin/worker" },
        },
    };

    [Fact]
    public void Type_with_no_dynos_desired_counts_as_rolled_out_while_its_deployment_has_no_status()
    {
        var live = new Dictionary<string, Deployment> { ["shop-web"] = Deployment("shop-web", 1, null), ["shop-worker"] = Deployment("shop-worker", 0, null) };

        var rollouts = ProcessRollouts.Of("shop", V1, Formation(web: 1, worker: 0), PlatformSettings.Default, live.GetValueOrDefault);

        rollouts.Should().BeEquivalentTo(new[]
        {
            new ProcessRollout("web", 1, 0, false),
            new ProcessRollout("worker", 0, 0, true),
        });
    }

    [Fact]
    public void Type_with_no_dynos_desired_counts_as_rolled_out_before_its_deployment_exists_or_right_after_its_apply()
    {
        var freshWorker = new HashSet<string>(StringComparer.Ordinal) { "shop-worker" };
        var live = new Dictionary<string, Deployment> { ["shop-worker"] = Deployment("shop-worker", 0, null) };

        var before = ProcessRollouts.Of("shop", V1, Formation(web: 1, worker: 0), PlatformSettings.Default, _ => null);
        var applied = ProcessRollouts.Of("shop", V1, Formation(web: 1, worker: 0), PlatformSettings.Default, live.GetValueOrDefault, freshWorker);

        before.Single(r => r.ProcessType == "worker").RolledOut.Should().BeTrue();
        before.Single(r => r.ProcessType == "web").RolledOut.Should().BeFalse("one web dyno is desired and none runs");
        applied.Single(r => r.ProcessType == "worker").RolledOut.Should().BeTrue();
    }

    [Fact]
    public void Type_with_dynos_desired_is_rolled_out_only_when_the_deployment_observed_its_spec_and_all_are_updated_and_ready()
    {
        var observedReady = new DeploymentStatus { ObservedGeneration = 2, Replicas = 1, UpdatedReplicas = 1, ReadyReplicas = 1 };
        var staleObservation = observedReady with { ObservedGeneration = 1 };
        var oldDynoLeft = observedReady with { Replicas = 2 };

        Judge(observedReady).Should().Be(new ProcessRollout("web", 1, 1, true));
        Judge(staleObservation).RolledOut.Should().BeFalse("the Deployment has not seen generation 2 yet");
        Judge(oldDynoLeft).RolledOut.Should().BeFalse("a dyno of the old template still runs");
    }

    [Fact]
    public void Type_scaled_to_zero_is_rolled_out_once_its_deployment_reports_the_scale_and_no_dynos_left()
    {
        var before = new DeploymentStatus { ObservedGeneration = 1, Replicas = 1, UpdatedReplicas = 1, ReadyReplicas = 1 };
        var stopping = before with { ObservedGeneration = 2 };
        var stopped = new DeploymentStatus { ObservedGeneration = 2, Replicas = 0 };

        ScaledToZero(before).Should().Be(new ProcessRollout("worker", 0, 1, false), "the Deployment has not seen the scale to zero yet");
        ScaledToZero(stopping).RolledOut.Should().BeFalse("a dyno still runs");
        ScaledToZero(stopped).Should().Be(new ProcessRollout("worker", 0, 0, true));
    }

    private static ProcessRollout ScaledToZero(DeploymentStatus status)
    {
        var worker = Deployment("shop-worker", 0, status, generation: 2);
        return ProcessRollouts.Of("shop", V1, Formation(web: 1, worker: 0), PlatformSettings.Default, name => name == "shop-worker" ? worker : null)
            .Single(r => r.ProcessType == "worker");
    }

    private static ProcessRollout Judge(DeploymentStatus status)
    {
        var web = Deployment("shop-web", 1, status, generation: 2);
        return ProcessRollouts.Of("shop", V1, Formation(web: 1, worker: 0), PlatformSettings.Default, name => name == "shop-web" ? web : null)
            .Single(r => r.ProcessType == "web");
    }

    private static Formation Formation(int web, int worker) => new()
    {
        Metadata = new ObjectMeta { Name = "shop", Namespace = "ns" },
        Spec = new FormationSpec
        {
            App = "shop",
            Processes = new Dictionary<string, ProcessFormation> { ["web"] = new() { Quantity = web }, ["worker"] = new() { Quantity = worker } },
        },
    };

    private static Deployment Deployment(string name, int replicas, DeploymentStatus? status, long generation = 1) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = "ns",
            Generation = generation,
            Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop", [PaasLabels.Release] = "v1" },
        },
        Spec = new DeploymentSpec { Replicas = replicas, Selector = new LabelSelector(), Template = new PodTemplateSpec { Spec = new PodSpec { Containers = [] } } },
        Status = status,
    };
}
