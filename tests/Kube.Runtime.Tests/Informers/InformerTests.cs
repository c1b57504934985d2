using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Informers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Informers;

public sealed class InformerTests : InformerFixture
{
    private readonly RecordingHandler<ConfigMap> handler = new();

    [Fact]
    public async Task Initial_list_follows_continue_tokens_until_the_last_page()
    {
        foreach (var name in new[] { "a", "b", "c", "d", "e" })
        {
            Client.Put(ConfigMap.Named(name));
        }

        var informer = Start(new InformerOptions { PageSize = 2 });
        await informer.WaitForSyncAsync(CancellationToken.None);

        Client.ListCalls.Select(call => (call.Limit, call.Continue)).Should().Equal((2, null), (2, "2"), (2, "4"));
        informer.Store.List().Select(cm => cm.Metadata.Name).Should().BeEquivalentTo("a", "b", "c", "d", "e");
        informer.HasSynced.Should().BeTrue();
    }

    [Fact]
    public async Task Watch_starts_from_the_list_resource_version_with_bookmarks_and_a_timeout_between_300_and_600_seconds()
    {
        Client.Put(ConfigMap.Named("a"));
        var listVersion = Client.CurrentResourceVersion;
        var watch = new FakeWatch();
        Client.EnqueueWatch(watch);

        Start(random: 0.5);
        await Eventually.TrueAsync(() => watch.OpenedWith is not null, "the watch opened");

        watch.OpenedWith!.ResourceVersion.Should().Be(listVersion);
        watch.OpenedWith.AllowWatchBookmarks.Should().BeTrue();
        watch.OpenedWith.Timeout.Should().Be(TimeSpan.FromSeconds(450));
    }

    [Fact]
    public async Task Clean_end_of_a_stream_rewatches_from_the_last_seen_resource_version_without_relisting()
    {
        Client.EnqueueWatch(new FakeWatch().Send("ADDED", ConfigMap.Named("a", resourceVersion: "512")).End());
        var second = new FakeWatch();
        Client.EnqueueWatch(second);

        Start();
        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the second watch opened");

        second.OpenedWith!.ResourceVersion.Should().Be("512");
        Client.ListCalls.Should().HaveCount(1);
        await Eventually.TrueAsync(() => handler.Seen.Count > 0, "the handler heard of a");
        handler.Seen.Should().Equal("Added a");
    }

    [Fact]
    public async Task Bookmark_advances_the_resource_version_without_notifying_handlers()
    {
        Client.EnqueueWatch(new FakeWatch()
            .Send("ADDED", ConfigMap.Named("a", resourceVersion: "300"))
            .SendBookmark("777")
            .End());
        var second = new FakeWatch();
        Client.EnqueueWatch(second);

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
        Client.Put(ConfigMap.Named("a"));
        Client.Put(ConfigMap.Named("b"));
        Client.Put(ConfigMap.Named("c"));
        var first = new FakeWatch();
        Client.EnqueueWatch(first);
        var informer = Start();
        await Eventually.TrueAsync(() => handler.Seen.Count == 3, "the initial objects were delivered");

        Client.Remove<ConfigMap>("b", "default");
        Client.Put(ConfigMap.Named("c") with { Data = new Dictionary<string, string> { ["k"] = "v" } });
        Client.Put(ConfigMap.Named("d"));
        var second = new FakeWatch();
        Client.EnqueueWatch(second);
        first.SendError(410, "Expired");

        await Eventually.TrueAsync(() => handler.Seen.Contains("Deleted b"), "the relist reported the deletion");
        handler.Seen.Skip(3).Should().Equal("Updated c", "Added d", "Deleted b");
        informer.Store.List().Select(cm => cm.Metadata.Name).Should().BeEquivalentTo("a", "c", "d");
        informer.Store.Get(new ObjectKey("default", "c"))!.Data.Should().ContainKey("k");
        Client.ListCalls.Should().HaveCount(2);
        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the watch resumed after the relist");
        second.OpenedWith!.ResourceVersion.Should().Be(Client.CurrentResourceVersion);
    }

    [Fact]
    public async Task Gone_when_opening_a_watch_relists_at_once()
    {
        Client.EnqueueWatch(new FakeWatch().Fail(new GoneException(new Status { Code = 410, Reason = "Expired" })));
        var second = new FakeWatch();
        Client.EnqueueWatch(second);

        Start();
        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the watch reopened");

        Client.ListCalls.Should().HaveCount(2);
        Clock.RequestedDelays.Should().OnlyContain(delay => delay >= TimeSpan.FromMinutes(1), "a 410 is answered by a relist, not a backoff");
    }

    [Fact]
    public async Task Watch_events_update_the_cache_and_notify_added_updated_deleted()
    {
        var watch = new FakeWatch();
        Client.EnqueueWatch(watch);
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
        Client.Put(ConfigMap.Named("a"));
        Client.Put(ConfigMap.Named("b"));
        Client.EnqueueWatch(new FakeWatch());
        Start(new InformerOptions { ResyncPeriod = TimeSpan.FromMinutes(5) });
        await Eventually.TrueAsync(() => handler.Seen.Count == 2, "the initial objects were delivered");

        await Clock.WaitForTimersAsync();
        Clock.Advance(TimeSpan.FromMinutes(5));

        await Eventually.TrueAsync(() => handler.Seen.Count == 4, "the resync was delivered");
        handler.Seen.Skip(2).Should().BeEquivalentTo("Updated a", "Updated b");
    }

    [Fact]
    public async Task A_handler_added_after_sync_receives_the_cached_objects_as_added()
    {
        Client.Put(ConfigMap.Named("a"));
        Client.EnqueueWatch(new FakeWatch());
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
        Client.EnqueueWatch(watch);
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

    private Informer<ConfigMap> Start(InformerOptions? options = null, double random = 0) => StartInformer(options, random, handler);
}
