using Paas.Controllers.Releases;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Paas.Controllers.Tests.Releases;

public class ReleaseLedgerTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public ReleaseLedgerTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Concurrent_writers_with_different_changes_get_gap_free_unique_versions()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.CreateAppWithFirstReleaseAsync(ns);
        var history = new[] { (await cluster.Client.GetAsync<Release>("shop-v1", ns)) };

        // Every writer plans from the same stale view (only v1), as racing reconciles and replicas would.
        var writers = Enumerable.Range(0, 8).Select(async i =>
        {
            var (client, _) = cluster.NewClient();
            var plan = ReleasePlanner.ForAppChange(app, history, ConfigSnapshot.Of(new Dictionary<string, string> { ["N"] = $"{i}" }), null).Plan!;
            return await new ReleaseLedger(client).AppendAsync(plan, CancellationToken.None);
        });
        var entries = await Task.WhenAll(writers);

        entries.Should().OnlyContain(entry => entry.Created);
        var versions = (await new ReleaseLedger(cluster.Client).ReadHistoryAsync("shop", ns, CancellationToken.None)).Select(r => r.Spec.Version);
        versions.Should().Equal(Enumerable.Range(1, 9));
        entries.Select(entry => entry.Release.Metadata.Name).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Concurrent_writers_with_the_same_change_record_it_once()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.CreateAppWithFirstReleaseAsync(ns);
        var history = new[] { (await cluster.Client.GetAsync<Release>("shop-v1", ns)) };
        var plan = ReleasePlanner.ForAppChange(app, history, ConfigSnapshot.Of(new Dictionary<string, string> { ["FOO"] = "1" }), null).Plan!;

        var entries = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            new ReleaseLedger(cluster.NewClient().Client).AppendAsync(plan, CancellationToken.None)));

        entries.Count(entry => entry.Created).Should().Be(1);
        entries.Should().OnlyContain(entry => entry.Release.Metadata.Name == "shop-v2");
        (await new ReleaseLedger(cluster.Client).ReadHistoryAsync("shop", ns, CancellationToken.None)).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_retry_after_a_newer_release_of_another_change_takes_the_next_number()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.CreateAppWithFirstReleaseAsync(ns);
        var history = new[] { (await cluster.Client.GetAsync<Release>("shop-v1", ns)) };
        var ledger = new ReleaseLedger(cluster.Client);
        await ledger.AppendAsync(ReleasePlanner.ForAppChange(app, history, ConfigSnapshot.Of(new Dictionary<string, string> { ["A"] = "1" }), null).Plan!, CancellationToken.None);

        var entry = await ledger.AppendAsync(ReleasePlanner.ForAppChange(app, history, ConfigSnapshot.Of(new Dictionary<string, string> { ["B"] = "1" }), null).Plan!, CancellationToken.None);

        entry.Created.Should().BeTrue();
        entry.Release.Metadata.Name.Should().Be("shop-v3");
        entry.Release.Spec.Version.Should().Be(3);
    }

}
