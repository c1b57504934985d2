using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Controllers.Releases;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Tests.Apps;

public class AppControllerTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public AppControllerTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Config_change_creates_next_release_with_description_and_snapshot()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var host = await OperatorUnderTest.StartAsync(cluster, ns);
        await WaitForReleasedConditionAsync(ns);
        (await HistoryAsync(ns)).Should().HaveCount(1, "an unchanged App needs no new Release");

        await SetConfigAsync(ns, "FOO", "1");

        var v2 = await WaitForReleaseAsync(ns, "shop-v2");
        v2.Spec.Description.Should().Be("Set FOO config vars");
        v2.Spec.Image.Should().Be(Cluster.Image);
        var snapshot = await cluster.Client.GetAsync<Secret>(v2.Spec.Config!.SecretName, ns);
        System.Text.Encoding.UTF8.GetString(snapshot.Data!["FOO"]).Should().Be("1");
        snapshot.Immutable.Should().BeTrue();
        snapshot.Metadata.Annotations.Should().Contain(PaasAnnotations.ConfigHash, v2.Spec.Config.Hash);
        snapshot.Metadata.Labels.Should().Contain(WorkloadLabels.Component, ConfigSnapshotSecret.Component).And.NotContainKey(PaasLabels.Release);
        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<App>("shop", ns)).Status?.Conditions?.Any(c => c.Type == ConditionTypes.Released && c.Message == "v2 is current.") == true,
            "the App reports v2 as current once the release controller has let it go live");
    }

    [Fact]
    public async Task Two_operators_and_a_restart_never_duplicate_a_release()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        var first = await OperatorUnderTest.StartAsync(cluster, ns);
        await SetConfigAsync(ns, "FOO", "1");
        await WaitForReleaseAsync(ns, "shop-v2");

        // A second replica without leader election races the first on the next change.
        await using (await OperatorUnderTest.StartAsync(cluster, ns))
        {
            await SetConfigAsync(ns, "FOO", "2");
            await WaitForReleaseAsync(ns, "shop-v3");
            await first.DisposeAsync();
            await SetConfigAsync(ns, "BAR", "3");
            await WaitForReleaseAsync(ns, "shop-v4");
        }

        await using var restarted = await OperatorUnderTest.StartAsync(cluster, ns);
        await SetConfigAsync(ns, "BAZ", "4");
        var v5 = await WaitForReleaseAsync(ns, "shop-v5");

        v5.Spec.Description.Should().Be("Set BAZ config vars");
        var history = await HistoryAsync(ns);
        history.Select(r => r.Spec.Version).Should().Equal(1, 2, 3, 4, 5);
        history.Select(r => r.Spec.Description).Skip(1).Should().Equal("Set FOO config vars", "Set FOO config vars", "Set BAR config vars", "Set BAZ config vars");
    }

    private Task SetConfigAsync(string ns, string name, string value) =>
        cluster.Client.MergePatchAsync<App>("shop", ns, new JsonObject { ["spec"] = new JsonObject { ["config"] = new JsonObject { [name] = value } } });

    private async Task WaitForReleasedConditionAsync(string ns) =>
        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<App>("shop", ns)).Status?.Conditions?.Any(c => c.Type == ConditionTypes.Released) == true,
            "the App has a Released condition");

    private async Task<Release> WaitForReleaseAsync(string ns, string name)
    {
        Release? release = null;
        await Eventually.TrueAsync(async () => (release = await cluster.Client.TryGetAsync<Release>(name, ns)) is not null, $"{name} exists");
        return release!;
    }

    private Task<IReadOnlyList<Release>> HistoryAsync(string ns) =>
        new ReleaseLedger(cluster.Client).ReadHistoryAsync("shop", ns, CancellationToken.None);
}
