using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class ConfigCommandsTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public ConfigCommandsTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Config_prints_the_vars_sorted_by_name_and_aligned()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Config = new Dictionary<string, string> { ["ZED"] = "last", ["DATABASE_URL"] = "postgres://db/shop", ["A"] = "x=y" } });

        var run = await cluster.RunAsync("config", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal(
            "=== shop Config Vars",
            "A:             x=y",
            "DATABASE_URL:  postgres://db/shop",
            "ZED:           last");
    }

    [Fact]
    public async Task Config_of_an_app_without_vars_says_how_to_set_one()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("config", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal("=== shop Config Vars", "None set; set some with `paas config:set KEY=VALUE -a shop`.");
    }

    [Fact]
    public async Task Config_get_prints_the_value_alone_and_fails_for_an_unset_key()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Config = new Dictionary<string, string> { ["FOO"] = "bar baz" } });

        var found = await cluster.RunAsync("config:get", "FOO", "-a", "shop", "-n", ns);
        var missing = await cluster.RunAsync("config:get", "NOPE", "-a", "shop", "-n", ns);

        found.ExitCode.Should().Be(0, found.ToString());
        found.Out.Should().Be("bar baz\n");
        missing.ExitCode.Should().Be(1, missing.ToString());
        missing.Error.Should().Contain("NOPE: not set on App shop; set it with `paas config:set NOPE=VALUE -a shop`");
    }

    [Fact]
    public async Task Config_set_merges_the_vars_into_the_app_and_keeps_the_others()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Config = new Dictionary<string, string> { ["KEEP"] = "1", ["FOO"] = "old" } });
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4", current: true);

        var run = await cluster.RunAsync("config:set", "FOO=new", "BAR=a=b", "EMPTY=", "-a", "shop", "-n", ns, "--no-wait");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().StartWith("Setting FOO, BAR, EMPTY and restarting shop... done");
        run.Out.Should().Contain("FOO:    new").And.Contain("BAR:    a=b").And.Contain("EMPTY:");
        (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Config.Should().BeEquivalentTo(
            new Dictionary<string, string> { ["KEEP"] = "1", ["FOO"] = "new", ["BAR"] = "a=b", ["EMPTY"] = "" });
    }

    [Fact]
    public async Task Config_unset_takes_an_argument_that_starts_with_at_as_written_not_as_a_response_file()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("config:unset", "@NOPE", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("@NOPE: config var keys may contain only letters, digits and underscores");
    }

    [Fact]
    public async Task Config_set_of_an_unchanged_value_says_there_is_no_change_instead_of_waiting()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Config = new Dictionary<string, string> { ["FOO"] = "bar" } });
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4", current: true);

        var run = await cluster.RunAsync("config:set", "FOO=bar", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("Setting FOO and restarting shop... done (no change)");
    }

    [Fact]
    public async Task Config_set_on_an_app_without_releases_does_not_wait_for_one()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("config:set", "FOO=bar", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("Setting FOO and restarting shop... done (no Release yet; the first Build will use it)");
    }

    [Fact]
    public async Task Config_set_reports_the_version_of_the_release_that_follows()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4", current: true);

        // Plays the operator: the Release for the change appears a little later than the patch.
        var operatorPlay = Task.Run(async () =>
        {
            await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Config?.ContainsKey("FOO") == true, "config:set patched the App");
            await cluster.CreateReleaseAsync(ns, 2, "Set FOO config vars", phase: ReleasePhases.Pending);
        });

        var run = await cluster.RunAsync("config:set", "FOO=bar", "-a", "shop", "-n", ns);
        await operatorPlay;

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("Setting FOO and restarting shop... done, v2");
    }

    [Fact]
    public async Task Config_set_fails_when_no_release_follows_within_the_deadline_and_says_the_change_is_saved()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4", current: true);

        var run = await cluster.RunAsync(["config:set", "FOO=bar", "-a", "shop", "-n", ns], environment => environment with { ReleaseWaitTimeout = TimeSpan.FromMilliseconds(300) });

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("the config vars are saved, but the operator made no new Release of shop").And.Contain("--no-wait");
        (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Config.Should().Contain("FOO", "bar");
    }

    [Fact]
    public async Task Config_unset_removes_only_the_named_vars_and_mentions_unknown_ones()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Config = new Dictionary<string, string> { ["KEEP"] = "1", ["FOO"] = "x", ["BAR"] = "y" } });

        var run = await cluster.RunAsync("config:unset", "FOO", "BAR", "GHOST", "-a", "shop", "-n", ns, "--no-wait");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("Unsetting FOO, BAR and restarting shop... done");
        run.Error.Should().Contain("GHOST is not set on App shop; nothing to unset.");
        (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Config.Should().BeEquivalentTo(new Dictionary<string, string> { ["KEEP"] = "1" });
    }

    [Fact]
    public async Task Config_on_an_unknown_app_exits_1_with_the_way_out()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("config:set", "FOO=1", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain($"App shop not found in namespace {ns}; list Apps with `paas apps -n {ns}`");
    }
}
