using Kube.Client;
using Kube.Models;
using Kube.Runtime.Events;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Events;

public sealed class EventRecorderTests
{
    private readonly FakeKubeClient client = new();
    private readonly ManualTimeProvider clock = new();
    private readonly ConfigMap regarding = new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "apps", Uid = "uid-web", ResourceVersion = "41" },
    };

    [Fact]
    public async Task First_event_creates_an_events_k8s_io_event_naming_the_object_and_the_reporter()
    {
        var recorder = NewRecorder();

        recorder.Record(regarding, EventType.Warning, "BuildFailed", "Build", "buildpack python failed: no requirements.txt");
        await recorder.FlushAsync(CancellationToken.None);

        var created = client.All<Event>().Should().ContainSingle().Subject;
        created.Metadata.Namespace.Should().Be("apps");
        created.Metadata.Name.Should().StartWith("web.");
        created.Type.Should().Be("Warning");
        created.Reason.Should().Be("BuildFailed");
        created.Action.Should().Be("Build");
        created.Note.Should().Be("buildpack python failed: no requirements.txt");
        created.Regarding.Should().BeEquivalentTo(new ObjectReference
        {
            ApiVersion = "v1", Kind = "ConfigMap", Namespace = "apps", Name = "web", Uid = "uid-web", ResourceVersion = "41",
        });
        created.ReportingController.Should().Be("paas.dev/operator");
        created.ReportingInstance.Should().Be("operator-0");
        created.EventTime.Should().Be(clock.GetUtcNow());
        created.Series.Should().BeNull();
    }

    [Fact]
    public async Task Repeats_within_ten_minutes_patch_the_series_instead_of_creating_events()
    {
        var recorder = NewRecorder();

        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        await recorder.FlushAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        await recorder.FlushAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(4));
        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        await recorder.FlushAsync(CancellationToken.None);

        client.Created.Should().ContainSingle();
        client.Patches.Select(patch => patch.Patch.ToJsonString()).Should().Equal(
            """{"series":{"count":2,"lastObservedTime":"2026-01-01T00:04:00.000000Z"}}""",
            """{"series":{"count":3,"lastObservedTime":"2026-01-01T00:08:00.000000Z"}}""");
        client.Patches.Should().OnlyContain(patch => patch.Name == client.Created[0].Metadata.Name && patch.Namespace == "apps");
        client.All<Event>().Single().Series!.Count.Should().Be(3);
    }

    [Fact]
    public async Task A_different_note_or_type_is_a_different_event()
    {
        var recorder = NewRecorder();

        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 4");
        recorder.Record(regarding, EventType.Warning, "Scaled", "Scale", "web scaled to 4");
        await recorder.FlushAsync(CancellationToken.None);

        client.Created.Should().HaveCount(3);
        client.Patches.Should().BeEmpty();
    }

    [Fact]
    public async Task A_repeat_after_the_window_starts_a_new_event()
    {
        var recorder = NewRecorder();

        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        await recorder.FlushAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(11));
        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        await recorder.FlushAsync(CancellationToken.None);

        client.Created.Should().HaveCount(2);
        client.Patches.Should().BeEmpty();
    }

    [Fact]
    public async Task A_repeat_of_an_event_the_server_expired_creates_a_new_one()
    {
        var recorder = NewRecorder();
        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        await recorder.FlushAsync(CancellationToken.None);
        client.Remove<Event>(client.Created[0].Metadata.Name!, "apps");

        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        await recorder.FlushAsync(CancellationToken.None);

        client.Created.Should().HaveCount(2);
        client.All<Event>().Should().ContainSingle().Which.Series.Should().BeNull();
    }

    [Fact]
    public void A_flood_beyond_capacity_is_dropped_and_counted_without_throwing()
    {
        var recorder = NewRecorder(capacity: 3);

        var flood = () =>
        {
            for (var i = 0; i < 10; i++)
            {
                recorder.Record(regarding, EventType.Normal, "Tick", "Tick", $"tick {i}");
            }
        };

        flood.Should().NotThrow();
        recorder.Dropped.Should().Be(7);
    }

    [Fact]
    public async Task A_failed_write_is_logged_and_counted_never_thrown_to_the_caller()
    {
        client.Fault = operation => operation == "create" ? new ForbiddenException(new Status { Code = 403, Reason = "Forbidden" }) : null;
        var recorder = NewRecorder();

        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");
        var flush = () => recorder.FlushAsync(CancellationToken.None);

        await flush.Should().NotThrowAsync();
        recorder.Dropped.Should().Be(1);
    }

    [Fact]
    public async Task Events_about_cluster_scoped_objects_go_to_the_default_namespace_and_long_notes_are_cut()
    {
        var recorder = NewRecorder();
        var clusterScoped = new ConfigMap { Metadata = new ObjectMeta { Name = "global", Uid = "uid-global" } };

        recorder.Record(clusterScoped, EventType.Normal, "Seen", "Observe", new string('x', 5000));
        await recorder.FlushAsync(CancellationToken.None);

        var created = client.All<Event>().Single();
        created.Metadata.Namespace.Should().Be("default");
        created.Note.Should().HaveLength(1024);
    }

    [Fact]
    public async Task RunAsync_writes_recorded_events_until_cancelled()
    {
        var recorder = NewRecorder();
        using var stop = new CancellationTokenSource();
        var run = recorder.RunAsync(stop.Token);

        recorder.Record(regarding, EventType.Normal, "Scaled", "Scale", "web scaled to 3");

        await Eventually.TrueAsync(() => client.All<Event>().Count == 1, "the loop wrote the event");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Events_still_queued_at_shutdown_are_written_before_RunAsync_returns()
    {
        var recorder = NewRecorder();
        using var stop = new CancellationTokenSource();
        await stop.CancelAsync();
        recorder.Record(regarding, EventType.Normal, "Draining", "Shutdown", "finishing in-flight work");

        await recorder.RunAsync(stop.Token).WaitAsync(TimeSpan.FromSeconds(10));

        client.All<Event>().Should().ContainSingle().Which.Reason.Should().Be("Draining");
    }

    private EventRecorder NewRecorder(int capacity = 100) => new(
        client,
        new EventRecorderOptions { ReportingController = "paas.dev/operator", ReportingInstance = "operator-0", Capacity = capacity },
        timeProvider: clock);
}
