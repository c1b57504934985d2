using Kube.Models;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class RunCommandTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public RunCommandTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Run_detached_starts_a_one_off_job_from_the_current_release_owned_by_the_app()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1111111");
        await cluster.CreateReleaseAsync(ns, 2, "Deploy 2222222", current: true);
        await cluster.CreateReleaseAsync(ns, 3, "Deploy 3333333", phase: ReleasePhases.Failed);

        var run = await cluster.RunAsync("run:detached", "-a", "shop", "-n", ns, "-e", "VERBOSE=1;DRY_RUN=", "--", "rake", "db:migrate", "--trace");

        run.ExitCode.Should().Be(0, run.ToString());
        var job = (await cluster.Client.ListAsync<Job>(ns)).Items.Should().ContainSingle().Subject;
        job.Metadata.Name.Should().MatchRegex("^shop-run-[0-9]{4}$");
        run.Out.Should().Be(
            $"Running `rake db:migrate --trace` on shop... up, {job.Metadata.Name} (standard-1x, v2)\n" +
            $"Use `paas logs -a shop --ps run --tail` to view the output, or `kubectl logs -n {ns} -f job/{job.Metadata.Name}`.\n");
        job.Metadata.OwnerReferences.Should().ContainSingle(owner => owner.Uid == app.Metadata.Uid);
        var container = job.Spec!.Template.Spec!.Containers.Single();
        container.Args.Should().Equal("rake db:migrate --trace");
        container.Image.Should().Be(CliCluster.Image);
        container.Env.Should().Contain(new EnvVar { Name = "VERBOSE", Value = "1" }).And.Contain(new EnvVar { Name = "DRY_RUN", Value = "" });
        job.Metadata.Labels.Should().Contain(PaasLabels.Release, "v2");
    }

    [Fact]
    public async Task Run_detached_uses_the_web_size_of_the_formation_unless_told_otherwise()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1111111", current: true);
        await cluster.Client.CreateAsync(new Formation
        {
            Metadata = new ObjectMeta { Name = "shop", Namespace = ns },
            Spec = new FormationSpec { App = "shop", Processes = new Dictionary<string, ProcessFormation> { ["web"] = new() { Size = "performance-m" } } },
        });

        var byFormation = await cluster.RunAsync("run:detached", "-a", "shop", "-n", ns, "bash");
        var bySize = await cluster.RunAsync("run:detached", "-a", "shop", "-n", ns, "--size", "basic", "bash");

        byFormation.Out.Should().Contain("(performance-m, v1)");
        bySize.Out.Should().Contain("(basic, v1)");
        (await cluster.Client.ListAsync<Job>(ns)).Items.Should().HaveCount(2);
    }

    [Fact]
    public async Task Run_detached_without_a_serving_release_or_with_an_unknown_size_creates_nothing_and_says_why()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var noRelease = await cluster.RunAsync("run:detached", "-a", "shop", "-n", ns, "bash");
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1111111", current: true);
        var badSize = await cluster.RunAsync("run:detached", "-a", "shop", "-n", ns, "--size", "huge", "bash");

        noRelease.ExitCode.Should().Be(1);
        noRelease.Error.Should().Contain("App shop has no Release serving yet").And.Contain("paas builds:create -a shop");
        badSize.ExitCode.Should().Be(2);
        badSize.Error.Should().Contain("--size: \"huge\" is not a dyno size; use one of").And.Contain("standard-1x");
        (await cluster.Client.ListAsync<Job>(ns)).Items.Should().BeEmpty();
    }
}
