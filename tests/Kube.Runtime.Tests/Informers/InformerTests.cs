using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Informers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Informers;

public sealed class InformerTests : IAsyncLifetime
{
    private readonly FakeKubeClient client = new();
    private readonly ManualTimeProvider clock = new();
    private readonly CancellationTokenSource stop = new();
    private readonly RecordingHandler<ConfigMap> handler = new();
    private Task running = Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }

    [Fact]
    public async Task Initial_list_follows_continue_tokens_until_the_last_page()
    {
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            client.Put(ConfigMap.Named(name));
        }

        var informer = Start(new InformerOptions { PageSize = 2 });
        await informer.WaitForSyncAsync(CancellationToken.None);

        client.ListCalls.Select(call => (call.Limit, call.Continue)).Should().Equal((2, null), (2, "2"), (2, "4"));
        informer.Store.List().Select(cm => cm.Metadata.Name).Should().BeEquivalentTo("a", "b", "c", "d", "e");
        informer.HasSynced.Should().BeTrue();
    }

    [Fact]
    public async Task Watch_starts_from_the_list_resource_version_with_bookmarks_and_a_timeout_between_300_and_600_seconds()
    {
        client.Put(ConfigMap.Named("a"));
        var listVersion = client.CurrentResourceVersion;
        var watch = new FakeWatch();
        client.EnqueueWatch(watch);

        Start(random: 0.5);
        await Eventually.TrueAsync(() => watch.OpenedWith is not null, "the watch opened");

        watch.OpenedWith!.ResourceVersion.Should().Be(listVersion);
        watch.OpenedWith.AllowWatchBookmarks.Should().BeTrue();
        watch.OpenedWith.Timeout.Should().Be(TimeSpan.FromSeconds(450));
    }

    [Fact]
    public async Task Clean_end_of_a_stream_rewatches_from_the_last_seen_resource_version_without_relisting()
    {
        client.EnqueueWatch(new FakeWatch().Send("ADDED", ConfigMap.Named("a", resourceVersion: "512")).End());
        var second = new FakeWatch();
        client.EnqueueWatch(second);

        Start();
        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the second watch opened");

        second.OpenedWith!.ResourceVersion.Should().Be("512");
        client.ListCalls.Should().HaveCount(1);
        await Eventually.TrueAsync(() => handler.Seen.Count > 0, "the handler heard of a");
        handler.Seen.Should().Equal("Added a");
    }

    [Fact]
    public async Task Bookmark_advances_the_resource_version_without_notifying_handlers()
    {
        client.EnqueueWatch(new FakeWatch()
            .Send("ADDED", ConfigMap.Named("a", resourceVersion: "300"))
            .SendBookmark("777")
            .End());
        var second = new FakeWatch();
        client.EnqueueWatch(second);

        var informer = Start();
        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the second watch opened");

        second.OpenedWith!.ResourceVersion.Should().Be("777");
        informer.LastResourceVersion.Should().Be("777");
        second.Send("ADDED", ConfigMap.Named("b", resourceVersion: "778"));
        await Eventually.TrueAsync(() => handler.Seen.Count >= 2, "the handler heard of b");
        handler.Seen.Should().Equal("Added a", "Added b");
    }

    [Fact]
    public async Task Error_event_relists_and_reports_objects_deleted_changed_and_added_while_disconnected()
    {
        client.Put(ConfigMap.Named("a"));
        client.Put(ConfigMap.Named("b"));
        client.Put(ConfigMap.Named("c"));
        var first = new FakeWatch();
        client.EnqueueWatch(first);
        var informer = Start();
        await Eventually.TrueAsync(() => handler.Seen.Count == 3, "the initial objects were delivered");

        client.Remove<ConfigMap>("b", "default");
        client.Put(ConfigMap.Named("c") with { Data = new Dictionary<string, string> { ["k"] = "v" } });
        client.Put(ConfigMap.Named("d"));
        var second = new FakeWatch();
        client.EnqueueWatch(second);
        first.SendError(410, "Expired");

        await Eventually.TrueAsync(() => handler.Seen.Contains("Deleted b"), "the relist reported the deletion");
        handler.Seen.Skip(3).Should().Equal("Updated c", "Added d", "Deleted b");
        informer.Store.List().Select(cm => cm.Metadata.Name).Should().BeEquivalentTo("a", "c", "d");
        informer.Store.Get(new ObjectKey("default", "c"))!.Data.Should().ContainKey("k");
        client.ListCalls.Should().HaveCount(2);
        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the watch resumed after the relist");
        second.OpenedWith!.ResourceVersion.Should().Be(client.CurrentResourceVersion);
    }

    [Fact]
    public async Task Gone_when_opening_a_watch_relists_at_once()
    {
        client.EnqueueWatch(new FakeWatch().Fail(new GoneException(new Status { Code = 410, Reason = "Expired" })));
        var second = new FakeWatch();
        client.EnqueueWatch(second);

        Start();
        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the watch reopened");

        client.ListCalls.Should().HaveCount(2);
        clock.RequestedDelays.Should().OnlyContain(delay => delay >= TimeSpan.FromMinutes(1), "a 410 is answered by a relist, not a backoff");
    }

    [Fact]
    public async Task Watch_events_update_the_cache_and_notify_added_updated_deleted()
    {
        var watch = new FakeWatch();
        client.EnqueueWatch(watch);
        var informer = Start();

        watch.Send("ADDED", ConfigMap.Named("a", resourceVersion: "201"));
        watch.Send("MODIFIED", ConfigMap.Named("a", resourceVersion: "202"));
        watch.Send("ADDED", ConfigMap.Named("b", resourceVersion: "203"));
        watch.Send("DELETED", ConfigMap.Named("a", resourceVersion: "204"));

        await Eventually.TrueAsync(() => handler.Seen.Count == 4, "all four changes were delivered");
        handler.Seen.Should().Equal("Added a", "Updated a", "Added b", "Deleted a");
        informer.Store.List().Select(cm => cm.Metadata.Name).Should().Equal("b");
        informer.LastResourceVersion.Should().Be("204");
    }

    [Fact]
    public async Task Resync_redelivers_every_cached_object_as_an_update()
    {
        client.Put(ConfigMap.Named("a"));
        client.Put(ConfigMap.Named("b"));
        client.EnqueueWatch(new FakeWatch());
        Start(new InformerOptions { ResyncPeriod = TimeSpan.FromMinutes(5) });
        await Eventually.TrueAsync(() => handler.Seen.Count == 2, "the initial objects were delivered");

        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromMinutes(5));

        await Eventually.TrueAsync(() => handler.Seen.Count == 4, "the resync was delivered");
        handler.Seen.Skip(2).Should().BeEquivalentTo("Updated a", "Updated b");
    }

    [Fact]
    public async Task A_handler_added_after_sync_receives_the_cached_objects_as_added()
    {
        client.Put(ConfigMap.Named("a"));
        client.EnqueueWatch(new FakeWatch());
        var informer = Start();
        await informer.WaitForSyncAsync(CancellationToken.None);

        var late = new RecordingHandler<ConfigMap>();
        using var registration = informer.AddHandler(late);

        await Eventually.TrueAsync(() => late.Seen.Count == 1, "the late handler caught up");
        late.Seen.Should().Equal("Added a");
    }

    [Fact]
    public async Task A_throwing_handler_keeps_receiving_later_notifications()
    {
        var watch = new FakeWatch();
        client.EnqueueWatch(watch);
        var informer = Start();
        var calls = 0;
        using var registration = informer.AddHandler(new InformerHandler<ConfigMap>(added: _ =>
        {
            if (Interlocked.Increment(ref calls) == 1)
            {
                throw new InvalidOperationException("a bug in a handler");
            }
        }));

        watch.Send("ADDED", ConfigMap.Named("a", resourceVersion: "201"));
        watch.Send("ADDED", ConfigMap.Named("b", resourceVersion: "202"));

        await Eventually.TrueAsync(() => Volatile.Read(ref calls) == 2, "the second notification arrived");
        await Eventually.TrueAsync(() => handler.Seen.Count == 2, "other handlers were unaffected");
    }

    private Informer<ConfigMap> Start(InformerOptions? options = null, double random = 0)
    {
        var informer = new Informer<ConfigMap>(client, options, timeProvider: clock, random: new FixedRandom(random));
        informer.AddHandler(handler);
        running = informer.RunAsync(stop.Token);
        return informer;
    }
}
