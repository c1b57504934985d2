using Kube.Models;
using Paas.Controllers.Apps;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Controllers.Tests.Apps;

public class AppBuildStatusTests : IClassFixture<Cluster>
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 10, 0, 0, TimeSpan.Zero);
    private readonly Cluster cluster;

    public AppBuildStatusTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public void An_app_without_builds_gets_no_building_condition()
    {
        var status = AppBuildStatus.ApplyTo(new AppStatus(), [], 1, Now);

        status.LatestBuild.Should().BeNull();
        status.Conditions.Should().BeNull();
    }

    [Fact]
    public void The_newest_running_build_makes_building_true_and_names_its_log()
    {
        var builds = new[]
        {
            Build("shop-1", Now.AddMinutes(-10), new BuildStatus { Phase = BuildPhases.Failed, Reason = BuildFailureReasons.CompileFailed, Message = "npm ci failed" }),
            Build("shop-2", Now.AddMinutes(-1), new BuildStatus { Phase = BuildPhases.Running, PodName = "shop-2-x7k2p" }),
        };

        var status = AppBuildStatus.ApplyTo(new AppStatus(), builds, 3, Now);

        status.LatestBuild.Should().Be("shop-2");
        var building = status.Conditions!.Single(c => c.Type == ConditionTypes.Building);
        building.Status.Should().Be("True");
        building.Reason.Should().Be(ConditionReasons.BuildRunning);
        building.Message.Should().Be("Build shop-2 is running; its log: kubectl logs -n team shop-2-x7k2p --all-containers.");
        building.ObservedGeneration.Should().Be(3);
    }

    [Theory]
    [InlineData(BuildPhases.Succeeded, null, "BuildSucceeded", "Build shop-3 succeeded and created v4.")]
    [InlineData(BuildPhases.Failed, BuildFailureReasons.CompileFailed, "BuildFailed", "Build shop-3 failed (CompileFailed): the last lines")]
    [InlineData(BuildPhases.Failed, BuildFailureReasons.TimedOut, "BuildTimedOut", "Build shop-3 timed out: the last lines")]
    [InlineData(null, null, "BuildPending", "Build shop-3 is waiting to start.")]
    public void A_finished_or_waiting_build_is_reported_with_its_reason(string? phase, string? reason, string expectedReason, string expectedMessage)
    {
        var build = Build("shop-3", Now, phase is null ? null : new BuildStatus { Phase = phase, Reason = reason, Message = "the last lines", Release = 4 });

        var building = AppBuildStatus.ApplyTo(new AppStatus(), [build], 1, Now).Conditions!.Single();

        building.Reason.Should().Be(expectedReason);
        building.Message.Should().Be(expectedMessage);
        building.Status.Should().Be(phase is BuildPhases.Succeeded or BuildPhases.Failed ? "False" : "True");
    }

    [Fact]
    public async Task A_prebuilt_image_build_shows_on_the_app_as_its_latest_build_that_created_v1()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var running = await OperatorUnderTest.StartAsync(cluster, ns);
        await cluster.Client.CreateAsync(new App
        {
            Metadata = new ObjectMeta { Name = "shop", Namespace = ns },
            Spec = new AppSpec { Procfile = "web: bin/web\n" },
        });
        await cluster.Client.CreateAsync(new Build
        {
            Metadata = new ObjectMeta { Name = "shop-1", Namespace = ns },
            Spec = new BuildSpec { App = "shop", Source = new BuildSource { Image = Cluster.Image } },
        });

        var app = await OperatorUnderTest.WaitForAppAsync(
            cluster.Client, ns, app => app.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Building && c.Reason == ConditionReasons.BuildSucceeded) == true,
            "the App reports its Build as succeeded");

        app.Status!.LatestBuild.Should().Be("shop-1");
        app.Status.Conditions!.Single(c => c.Type == ConditionTypes.Building).Message.Should().Be("Build shop-1 succeeded and created v1.");
    }

    private static Build Build(string name, DateTimeOffset created, BuildStatus? status) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "team", CreationTimestamp = created },
        Spec = new BuildSpec { App = "shop", Source = new BuildSource { Image = Cluster.Image } },
        Status = status,
    };
}
