using Kube.Runtime.Informers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Informers;

public sealed class InformerReconnectTests : InformerFixture
{

    [Fact]
    public async Task Connection_failures_back_off_from_800_ms_doubling_to_30_s()
    {
        for (var i = 0; i < 8; i++)
        {
            Client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("connection refused")));
        }

        var last = new FakeWatch();
        Client.EnqueueWatch(last);
        Start();

        for (var i = 0; i < 8; i++)
        {
            await Clock.AdvanceToNextTimerAsync();
        }

        await Eventually.TrueAsync(() => last.OpenedWith is not null, "the ninth watch opened");
        BackoffDelays.Select(delay => delay.TotalMilliseconds)
            .Should().Equal(800, 1600, 3200, 6400, 12800, 25600, 30000, 30000);
        Client.ListCalls.Should().HaveCount(1, "a connection failure re-watches from the last resourceVersion instead of relisting");
    }

    [Fact]
    public async Task Backoff_adds_jitter_of_up_to_the_delay_itself()
    {
        Client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        Client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        Client.EnqueueWatch(new FakeWatch());
        Start(random: 0.25);

        await Clock.AdvanceToNextTimerAsync();
        await Clock.AdvanceToNextTimerAsync();

        BackoffDelays.Select(delay => delay.TotalMilliseconds).Should().Equal(1000, 2000);
    }

    [Fact]
    public async Task Backoff_resets_after_a_healthy_stream()
    {
        Client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        Client.EnqueueWatch(new FakeWatch().Fail(new HttpRequestException("reset")));
        Client.EnqueueWatch(new FakeWatch().Send("ADDED", ConfigMap.Named("a", resourceVersion: "300")).Fail(new IOException("dropped")));
        Client.EnqueueWatch(new FakeWatch());
        Start();

        for (var i = 0; i < 3; i++)
        {
            await Clock.AdvanceToNextTimerAsync();
        }

        BackoffDelays.Select(delay => delay.TotalMilliseconds).Should().Equal(800, 1600, 800);
    }

    [Fact]
    public async Task A_stream_that_closes_at_once_without_events_is_backed_off_not_retried_in_a_loop()
    {
        Client.EnqueueWatch(new FakeWatch().End());
        Client.EnqueueWatch(new FakeWatch());
        Start();

        await Clock.WaitForTimersAsync();

        BackoffDelays.Should().Equal(TimeSpan.FromMilliseconds(800));
    }

    [Fact]
    public async Task A_non_410_error_event_relists_after_a_backoff_instead_of_at_once()
    {
        Client.EnqueueWatch(new FakeWatch().SendError(500, "InternalError"));
        var second = new FakeWatch();
        Client.EnqueueWatch(second);
        Start();

        await Clock.WaitForTimersAsync();
        Client.ListCalls.Should().HaveCount(1, "the relist waits for the backoff");
        Clock.Advance(TimeSpan.FromMilliseconds(800));

        await Eventually.TrueAsync(() => second.OpenedWith is not null, "the watch resumed after the relist");
        Client.ListCalls.Should().HaveCount(2);
    }

    [Fact]
    public async Task Every_stream_is_disposed_before_the_next_one_opens()
    {
        for (var i = 0; i < 5; i++)
        {
            Client.EnqueueWatch(new FakeWatch().Send("ADDED", ConfigMap.Named($"cm{i}", resourceVersion: $"{200 + i}")).End());
        }

        var last = new FakeWatch();
        Client.EnqueueWatch(last);
        Start();

        await Eventually.TrueAsync(() => last.OpenedWith is not null, "the sixth watch opened");
        Client.OpenedWatches.Take(5).Should().OnlyContain(watch => watch.Disposed);
    }

    [Fact]
    public async Task List_failure_is_retried_with_backoff_and_the_informer_syncs_afterwards()
    {
        Client.FailNextList(new HttpRequestException("connection refused"));
        Client.Put(ConfigMap.Named("a"));
        Client.EnqueueWatch(new FakeWatch());
        var informer = Start();

        await Clock.AdvanceToNextTimerAsync();
        await informer.WaitForSyncAsync(new CancellationTokenSource(TimeSpan.FromSeconds(10)).Token);

        BackoffDelays.Should().Equal(TimeSpan.FromMilliseconds(800));
        informer.Store.Count.Should().Be(1);
    }

    [Fact]
    public async Task A_stream_silent_past_its_server_timeout_is_abandoned_and_rewatched_from_the_last_resource_version()
    {
        var stuck = new FakeWatch().Send("ADDED", ConfigMap.Named("a", resourceVersion: "300"));
        Client.EnqueueWatch(stuck);
        var next = new FakeWatch();
        Client.EnqueueWatch(next);
        Start();
        await Eventually.TrueAsync(() => stuck.OpenedWith is not null, "the first watch opened");

        await Clock.WaitForTimersAsync();
        Clock.Advance(TimeSpan.FromSeconds(300 + 60));
        await Clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => next.OpenedWith is not null, "a new watch replaced the dead one");
        stuck.Disposed.Should().BeTrue();
        next.OpenedWith!.ResourceVersion.Should().Be("300");
        Client.ListCalls.Should().HaveCount(1);
    }

    /// <summary>The delays the informer waited between attempts, without each watch's long stuck-stream timer.</summary>
    private IEnumerable<TimeSpan> BackoffDelays => Clock.RequestedDelays.Where(delay => delay < TimeSpan.FromMinutes(1));

    private Informer<ConfigMap> Start(double random = 0) => StartInformer(null, random, null);
}
