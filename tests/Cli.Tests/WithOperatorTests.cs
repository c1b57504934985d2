using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

/// <summary>Commands that wait for the operator, run against the real controllers.</summary>
public class WithOperatorTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public WithOperatorTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Config_set_waits_for_the_release_the_operator_creates_and_prints_its_version()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4", current: true);
        await using var running = await RunningOperator.StartAsync(cluster, ns);

        var run = await cluster.RunAsync("config:set", "FOO=bar", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("Setting FOO and restarting shop... done, v2");
        (await cluster.Client.GetAsync<Release>("shop-v2", ns)).Spec.Description.Should().Be("Set FOO config vars");
    }

    [Fact]
    public async Task Rollback_asks_the_operator_for_the_earlier_release_and_prints_the_new_version()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 2, "Deploy 5d6e7f8", current: true);
        await using var running = await RunningOperator.StartAsync(cluster, ns);
        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<App>("shop", ns)).Status?.CurrentRelease == 2, "the operator reports v2 as current");

        var run = await cluster.RunAsync("rollback", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines[0].Should().Be("Rolling back shop to v1... done, v3");
        var v3 = await cluster.Client.GetAsync<Release>("shop-v3", ns);
        v3.Spec.Description.Should().Be("Rollback to v1");
        v3.Spec.RollbackOf.Should().Be(1);
    }
}
