using System.Text.Json.Nodes;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class ReleasesCommandsTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public ReleasesCommandsTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Releases_lists_newest_first_with_phase_and_the_current_marker()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 2, "Set FOO config vars", current: true);
        await cluster.CreateReleaseAsync(ns, 3, "Deploy 5d6e7f8", phase: ReleasePhases.Failed);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 0000000", app: "blog");
        await cluster.SetAppStatusAsync(ns, new JsonObject { ["currentRelease"] = 2 });

        var run = await cluster.RunAsync("releases", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().HaveCount(5);
        run.Lines[0].Should().Be("=== shop Releases - Current: v2");
        run.Lines[1].Should().MatchRegex("^VERSION +DESCRIPTION +PHASE +CURRENT +AGE$");
        run.Lines[2].Should().MatchRegex(@"^v3 +Deploy 5d6e7f8 +Failed +\d+s$");
        run.Lines[3].Should().MatchRegex(@"^v2 +Set FOO config vars +Succeeded +\* +\d+s$");
        run.Lines[4].Should().MatchRegex(@"^v1 +Deploy 1a2b3c4 +Succeeded +\d+s$");
    }

    [Fact]
    public async Task Releases_info_of_a_failed_release_shows_its_image_process_types_and_why()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4", current: true);
        await cluster.CreateReleaseAsync(ns, 2, "Deploy 5d6e7f8", phase: ReleasePhases.Failed);
        await cluster.Client.MergePatchAsync<Release>("shop-v2", ns, new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["reason"] = "ReleasePhaseFailed",
                ["message"] = $"The release command of v2 failed in Job shop-release-v2 (exit code 1); read its log with `kubectl logs -n {ns} job/shop-release-v2`.",
            },
        }, "status");

        var failed = await cluster.RunAsync("releases:info", "v2", "-a", "shop", "-n", ns);
        var current = await cluster.RunAsync("releases:info", "-a", "shop", "-n", ns);

        failed.ExitCode.Should().Be(0, failed.ToString());
        failed.Lines[0].Should().Be("=== shop Release v2");
        failed.Out.Should().Contain("Phase:        Failed")
            .And.Contain("Image:        " + CliCluster.Image)
            .And.Contain("Reason:       ReleasePhaseFailed")
            .And.Contain("web:     bin/web")
            .And.Contain($"read its log with `kubectl logs -n {ns} job/shop-release-v2`");
        current.Lines[0].Should().Be("=== shop Release v1", "without a version it shows the current Release");
    }

    [Fact]
    public async Task Rollback_without_a_version_asks_for_the_newest_release_before_the_current_one_that_did_not_fail()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 2, "Deploy 2b2b2b2", phase: ReleasePhases.Failed);
        await cluster.CreateReleaseAsync(ns, 3, "Deploy 3c3c3c3", current: true);
        await cluster.SetAppStatusAsync(ns, new JsonObject { ["currentRelease"] = 3 });

        var run = await cluster.RunAsync("rollback", "-a", "shop", "-n", ns, "--no-wait");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("Rolling back shop to v1... done");
        (await cluster.Client.GetAsync<App>("shop", ns)).Metadata.Annotations.Should().Contain(PaasAnnotations.RollbackTo, "1");
    }

    [Fact]
    public async Task Rollback_to_a_named_version_annotates_the_app_with_it()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 2, "Deploy 2b2b2b2");
        await cluster.CreateReleaseAsync(ns, 3, "Deploy 3c3c3c3", current: true);

        var run = await cluster.RunAsync("rollback", "v2", "-a", "shop", "-n", ns, "--no-wait");

        run.ExitCode.Should().Be(0, run.ToString());
        (await cluster.Client.GetAsync<App>("shop", ns)).Metadata.Annotations.Should().Contain(PaasAnnotations.RollbackTo, "2");
    }

    [Fact]
    public async Task Rollback_to_a_version_the_app_never_had_lists_the_ones_it_has()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 2, "Deploy 2b2b2b2", current: true);

        var run = await cluster.RunAsync("rollback", "v9", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("VERSION: v9 is not a Release of App shop; it has v2, v1");
        (await cluster.Client.GetAsync<App>("shop", ns)).Metadata.Annotations.Should().BeNull();
    }

    [Fact]
    public async Task Rollback_of_an_app_with_a_single_release_says_there_is_nothing_earlier()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4", current: true);

        var run = await cluster.RunAsync("rollback", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("App shop has no release before v1 to roll back to");
    }
}
