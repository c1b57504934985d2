using Kube.Runtime.Informers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Informers;

public sealed class InformerReconnectTests : IAsyncLifetime
{
    private readonly FakeKubeClient client = new();
    private readonly ManualTimeProvider clock = new();
    private readonly CancellationTokenSource stop = new();
    private Task running = Task.CompletedTask;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await running;
        stop.Dispose();
    }

    [Fact]
    public async Task Connection_failures_back_off_from_800_ms_doubling_to_30_s()
    {
        for (var i = 0; i < 8; i++)
        {
            client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("connection refused")));
        }

        var last = new FakeWatch();
        client.EnqueueWatch(last);
        Start();

        for (var i = 0; i < 8; i++)
        {
            await clock.AdvanceToNextTimerAsync();
        }

        await Eventually.TrueAsync(() => last.OpenedWith is not null, "the ninth watch opened");
        BackoffDelays.Select(delay => delay.TotalMilliseconds)
            .Should().Equal(800, 1600, 3200, 6400, 12800, 25600, 30000, 30000);
        client.ListCalls.Should().HaveCount(1, "a connection failure re-watches from the last resourceVersion instead of relisting");
    }

    [Fact]
    public async Task Backoff_adds_jitter_of_up_to_the_delay_itself()
    {
        client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        client.EnqueueWatch(new FakeWatch());
        Start(random: 0.25);

        await clock.AdvanceToNextTimerAsync();
        await clock.AdvanceToNextTimerAsync();

        BackoffDelays.Select(delay => delay.TotalMilliseconds).Should().Equal(1000, 2000);
    }

    [Fact]
    public async Task Backoff_resets_after_a_healthy_stream()
    {
        client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        client.EnqueueWatch(new FakeWatch().Send("ADDED", ConfigMap.Named("a", resourceVersion: "300")).Fail(new IOException("dropped")));
        client.EnqueueWatch(new FakeWatch());
        Start();

        for (var i = 0; i < 3; i++)
        {
            await clock.AdvanceToNextTimerAsync();
        }

        BackoffDelays.Select(delay => delay.TotalMilliseconds).Should().Equal(800, 1600, 800);
    }

    [Fact]
    public async Task A_stream_that_closes_at_once_without_events_is_backed_off_not_retried_in_a_loop()
    {
        client.EnqueueWatch(new FakeWatch().End());
        client.EnqueueWatch(new FakeWatch());
        Start();

        await clock.WaitForTimersAsync();

        BackoffDelays.Should().Equal(TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public async Task A_non_410_error_event_relists_after_a_backoff_instead_of_at_once()
    {
        client.EnqueueWatch(new FakeWatch().SendError(500, "InternalError"));
        var second = new FakeWatch();
        client.EnqueueWatch(second);
        Start();

        await clock.WaitForTimersAsync();
        client.ListCalls.Should().HaveCount(1, "the relist waits for the backoff");
        clock.Advance(TimeSpan.FromMilliseconds(800));

        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the watch resumed after the relist");
        client.ListCalls.Should().HaveCount(2);
    }

    [Fact]
    public async Task Every_stream_is_disposed_before_the_next_one_opens()
    {
        for (var i = 0; i < 5; i++)
        {
            client.EnqueueWatch(new FakeWatch().Send("ADDED", ConfigMap.Named($"cm{i}", resourceVersion: $"{200 + i}")).End());
        }

        var last = new FakeWatch();
        client.EnqueueWatch(last);
        Start();

        await Eventually.TrueAsync(() => last.OpenedWith is not null, "the sixth watch opened");
        client.OpenedWatches.Take(5).Should().OnlyContain(watch => watch.Disposed);
    }

    [Fact]
    public async Task List_failure_is_retried_with_backoff_and_the_informer_syncs_afterwards()
    {
        client.FailNextList(new HttpRequestException("connection refused"));
        client.Put(ConfigMap.Named("a"));
        client.EnqueueWatch(new FakeWatch());
        var informer = Start();

        await clock.AdvanceToNextTimerAsync();
        await informer.WaitForSyncAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        BackoffDelays.Should().Equal(TimeSpan.FromMilliseconds(800));
        informer.Store.Count.Should().Be(1);
    }

    [Fact]
    public async Task A_stream_silent_past_its_server_timeout_is_abandoned_and_rewatched_from_the_last_resource_version()
    {
        var stuck = new FakeWatch().Send("ADDED", ConfigMap.Named("a", resourceVersion: "300"));
        client.EnqueueWatch(stuck);
        var next = new FakeWatch();
        client.EnqueueWatch(next);
        Start();
        await Eventually.TrueAsync(() => stuck.OpenedWith is not null, "the first watch opened");

        await clock.WaitForTimersAsync();
        clock.Advance(TimeSpan.FromSeconds(300 + 60));
        await clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => next.OpenedWith is not null, "a new watch replaced the dead one");
        stuck.Disposed.Should().BeTrue();
        next.OpenedWith!.ResourceVersion.Should().Be("300");
        client.ListCalls.Should().HaveCount(1);
    }

    /// <summary>The delays the informer waited between attempts, without each watch's long stuck-stream timer.</summary>
    private IEnumerable<TimeSpan> BackoffDelays => clock.RequestedDelays.Where(delay => delay < TimeSpan.FromMinutes(1));

    private Informer<ConfigMap> Start(double random = 0)
    {
        var informer = new Informer<ConfigMap>(client, timeProvider: clock, random: new FixedRandom(random));
        running = informer.RunAsync(stop.Token);
        return informer;
    }
}
