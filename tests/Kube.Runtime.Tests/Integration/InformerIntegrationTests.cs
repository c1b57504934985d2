using Kube.Runtime.Cache;
using Kube.Runtime.Informers;
using Kube.Runtime.Tests.Support;
using Kube.Testing;

namespace Kube.Runtime.Tests.Integration;

public sealed class InformerIntegrationTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>, IAsyncLifetime
{
    private readonly CancellationTokenSource stop = new();
    private readonly RecordingHandler<ConfigMap> handler = new();
    private Task running = Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        fixture.Server.Faults.Reset();
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }

    [Fact]
    public async Task Informer_sees_objects_created_updated_and_deleted_on_the_server()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.CreateAsync(ConfigMap.Named("before", ns));
        var informer = await StartAsync(ns);
        informer.Store.Get(new ObjectKey(ns, "before")).Should().NotBeNull();

        var created = await fixture.Client.CreateAsync(ConfigMap.Named("web", ns));
        await fixture.Client.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["PORT"] = "5000" } });
        await fixture.Client.DeleteAsync<ConfigMap>("before", ns);

        await Eventually.TrueAsync(() => handler.Seen.Contains("Deleted before"), "the delete arrived");
        handler.Seen.Should().Equal("Added before", "Added web", "Updated web", "Deleted before");
        informer.Store.Get(new ObjectKey(ns, "web"))!.Data.Should().Contain("PORT", "5000");
        informer.Store.Get(new ObjectKey(ns, "before")).Should().BeNull();
    }

    [Fact]
    public async Task Informer_reconnects_after_the_server_drops_its_watch_streams()
    {
        var ns = await fixture.NewNamespaceAsync();
        var informer = await StartAsync(ns);

        for (var round = 0; round < 3; round++)
        {
            fixture.Server.Faults.DropWatches();
            await fixture.Client.CreateAsync(ConfigMap.Named($"after-drop-{round}", ns));
            await Eventually.TrueAsync(
                () => handler.Seen.Contains($"Added after-drop-{round}"),
                $"the object created after drop {round} was reported",
                TimeSpan.FromSeconds(20));
        }

        handler.Seen.Should().Equal("Added after-drop-0", "Added after-drop-1", "Added after-drop-2");
        informer.Store.Count.Should().Be(3);
    }

    [Fact]
    public async Task Informer_relists_after_history_is_compacted_and_reports_what_was_deleted_meanwhile()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.CreateAsync(ConfigMap.Named("kept", ns));
        await fixture.Client.CreateAsync(ConfigMap.Named("doomed", ns));
        var informer = await StartAsync(ns);

        // Keep the informer from watching while the world changes, so only a relist can tell it what happened.
        fixture.Server.Faults.Filter = new FaultFilter(Verb: "watch");
        fixture.Server.Faults.FailNext(10_000, 503);
        fixture.Server.Faults.DropWatches();
        await fixture.Client.DeleteAsync<ConfigMap>("doomed", ns);
        await fixture.Client.CreateAsync(ConfigMap.Named("newcomer", ns));
        fixture.Server.CompactHistory();
        fixture.Server.Faults.Reset();

        await Eventually.TrueAsync(() => handler.Seen.Contains("Deleted doomed"), "the relist reported the deletion", TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => handler.Seen.Contains("Added newcomer"), "the relist reported the newcomer");
        informer.Store.List().Select(cm => cm.Metadata.Name).Should().BeEquivalentTo("kept", "newcomer");
    }

    private async Task<Informer<ConfigMap>> StartAsync(string ns)
    {
        var informer = new Informer<ConfigMap>(fixture.NewClient(), new InformerOptions { Namespace = ns, PageSize = 1 });
        informer.AddHandler(handler);
        running = informer.RunAsync(stop.Token);
        await informer.WaitForSyncAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(10));
        return informer;
    }
}
