using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class BuildsCommandsTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public BuildsCommandsTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Builds_create_from_git_makes_a_build_named_by_date_and_number_owned_by_the_app()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.CreateAppAsync(ns);

        var first = await cluster.RunAsync("builds:create", "-a", "shop", "-n", ns, "--git", "https://github.com/team/shop.git#main", "--path", "services/web");
        var second = await cluster.RunAsync("builds:create", "-a", "shop", "-n", ns, "--image", "registry.example/team/shop:1.4");

        first.ExitCode.Should().Be(0, first.ToString());
        second.ExitCode.Should().Be(0, second.ToString());
        var builds = (await cluster.Client.ListAsync<Build>(ns)).Items.OrderBy(build => build.Metadata.Name, StringComparer.Ordinal).ToList();
        builds.Should().HaveCount(2);
        builds[0].Metadata.Name.Should().MatchRegex(@"^shop-\d{4}-\d{2}-\d{2}-1$");
        builds[0].Spec.Source.Git.Should().Be(new GitSource { Url = "https://github.com/team/shop.git", Ref = "main", Path = "services/web" });
        builds[0].Metadata.OwnerReferences.Should().ContainSingle(owner => owner.Uid == app.Metadata.Uid);
        builds[0].Metadata.Labels.Should().Contain(PaasLabels.App, "shop");
        builds[1].Metadata.Name.Should().EndWith("-2");
        builds[1].Spec.Source.Image.Should().Be("registry.example/team/shop:1.4");
        first.Out.Should().Contain($"Starting a build of shop from https://github.com/team/shop.git#main... done, {builds[0].Metadata.Name}");
    }

    [Fact]
    public async Task Builds_lists_newest_first_with_phase_short_commit_and_image()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await CreateBuildAsync(ns, "shop-1", new JsonObject { ["phase"] = "Succeeded", ["commit"] = "1a2b3c4d5e6f", ["image"] = CliCluster.Image });
        await CreateBuildAsync(ns, "shop-2", new JsonObject { ["phase"] = "Running" });

        var run = await cluster.RunAsync("builds", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("=== shop Builds");
        run.Lines[1].Should().MatchRegex("^NAME +PHASE +COMMIT +IMAGE +AGE$");
        run.Lines.Should().Contain(line => line.StartsWith("shop-1  Succeeded  1a2b3c4  " + CliCluster.Image, StringComparison.Ordinal));
        run.Lines.Should().Contain(line => line.StartsWith("shop-2  Running    -        -", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Builds_info_of_a_failed_build_shows_reason_message_and_log_command()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await CreateBuildAsync(ns, "shop-1", new JsonObject
        {
            ["phase"] = "Failed",
            ["reason"] = "CompileFailed",
            ["podName"] = "shop-1-x7k2p",
            ["message"] = $"compiling the slug failed in step build:\nnpm ERR! Missing script: \"build\"\nFull log: kubectl logs -n {ns} shop-1-x7k2p -c build",
        });

        var run = await cluster.RunAsync("builds:info", "shop-1", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Phase:          Failed")
            .And.Contain("Reason:         CompileFailed")
            .And.Contain("npm ERR! Missing script: \"build\"")
            .And.Contain($"Log: paas builds:output shop-1 -n {ns}, or kubectl logs -n {ns} shop-1-x7k2p -c build");
    }

    [Fact]
    public async Task Builds_info_of_an_unknown_build_says_how_to_list_builds()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("builds:info", "shop-9", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain($"NAME: Build shop-9 not found in namespace {ns}; list an App's Builds with `paas builds -a APP -n {ns}`");
    }

    [Fact]
    public async Task Builds_output_prints_each_steps_log_in_order_and_says_why_a_step_has_none()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await CreateBuildAsync(ns, "shop-1", new JsonObject { ["phase"] = "Failed", ["reason"] = "DetectFailed", ["podName"] = "shop-1-x7k2p" });
        var logs = new FakePodLogs(new Dictionary<string, string>
        {
            ["shop-1-x7k2p/source"] = "Cloning https://github.com/team/shop.git\nAt 1a2b3c4\n",
            ["shop-1-x7k2p/plan"] = "No buildpack detected this app",
        });

        var run = await cluster.RunAsync(["builds:output", "shop-1", "-n", ns], logs.Install);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal(
            "-----> source",
            "Cloning https://github.com/team/shop.git",
            "At 1a2b3c4",
            "-----> plan",
            "No buildpack detected this app",
            "-----> build",
            "       (no log: log of step build (pod shop-1-x7k2p): HTTP 404: pods \"shop-1-x7k2p\" not found)");
        logs.Requests.Select(uri => uri.Query).Should().Equal("?container=source", "?container=plan", "?container=build");
    }

    [Fact]
    public async Task Builds_output_of_a_build_without_a_pod_says_when_its_log_appears()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await CreateBuildAsync(ns, "shop-1", new JsonObject { ["phase"] = "Pending" });

        var run = await cluster.RunAsync("builds:output", "shop-1", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("Build shop-1 has no pod yet (phase Pending); its log appears once it runs");
    }

    private async Task CreateBuildAsync(string ns, string name, JsonObject status)
    {
        await cluster.Client.CreateAsync(new Build
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new BuildSpec { App = "shop", Source = new BuildSource { Git = new GitSource { Url = "https://github.com/team/shop.git" } } },
        });
        await cluster.Client.MergePatchAsync<Build>(name, ns, new JsonObject { ["status"] = status }, "status");
    }
}
