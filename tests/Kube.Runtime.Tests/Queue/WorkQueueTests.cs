using Kube.Runtime.Queue;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Queue;

public sealed class WorkQueueTests : IDisposable
{
    private readonly ManualTimeProvider clock = new();
    private readonly WorkQueue<string> queue;

    public WorkQueueTests() => queue = new WorkQueue<string>("test", timeProvider: clock);

    public void Dispose() => queue.Dispose();

    [Fact]
    public async Task An_item_added_twice_while_waiting_is_stored_once()
    {
        queue.Add("a");
        queue.Add("b");
        queue.Add("a");

        queue.Count.Should().Be(2);
        (await queue.TakeAsync()).Item.Should().Be("a");
        (await queue.TakeAsync()).Item.Should().Be("b");
        queue.Count.Should().Be(0);
    }

    [Fact]
    public async Task An_item_re_added_while_processing_is_handed_out_again_only_after_Done()
    {
        queue.Add("a");
        var first = await queue.TakeAsync();

        queue.Add("a");
        var second = queue.TakeAsync();

        queue.Count.Should().Be(0, "the item is being processed, so it must not be handed to another worker");
        second.IsCompleted.Should().BeFalse();

        queue.Done(first.Item);

        (await second.WaitAsync(TimeSpan.FromSeconds(10))).Item.Should().Be("a");
    }

    [Fact]
    public async Task A_waiting_taker_gets_an_item_added_later()
    {
        var take = queue.TakeAsync();

        queue.Add("x");

        (await take.WaitAsync(TimeSpan.FromSeconds(10))).Should().Be(new Dequeued<string>("x", false));
    }

    [Fact]
    public async Task Shutdown_wakes_takers_ignores_adds_and_waits_for_in_flight_items()
    {
        queue.Add("busy");
        var busy = await queue.TakeAsync();
        var waiting = queue.TakeAsync();
        queue.Add("queued");

        var drained = queue.ShutDownWithDrainAsync();
        queue.Add("late");

        (await waiting.WaitAsync(TimeSpan.FromSeconds(10))).Item.Should().Be("queued", "it was handed out before shutdown");
        drained.IsCompleted.Should().BeFalse("two items are still being processed");
        queue.Done(busy.Item);
        queue.Done("queued");
        await drained.WaitAsync(TimeSpan.FromSeconds(10));
        (await queue.TakeAsync()).ShutDown.Should().BeTrue();
    }

    [Fact]
    public async Task AddAfter_makes_the_item_ready_only_once_the_delay_has_passed()
    {
        queue.AddAfter("later", TimeSpan.FromSeconds(30));

        clock.Advance(TimeSpan.FromSeconds(29));
        queue.Count.Should().Be(0);

        clock.Advance(TimeSpan.FromSeconds(1));
        queue.Count.Should().Be(1);
        (await queue.TakeAsync()).Item.Should().Be("later");
    }

    [Fact]
    public void AddAfter_keeps_the_earlier_of_two_pending_delays()
    {
        queue.AddAfter("a", TimeSpan.FromSeconds(10));
        queue.AddAfter("a", TimeSpan.FromSeconds(60));
        queue.AddAfter("a", TimeSpan.FromSeconds(5));

        clock.Advance(TimeSpan.FromSeconds(5));
        queue.Count.Should().Be(1);
        clock.Advance(TimeSpan.FromSeconds(60));
        queue.Count.Should().Be(1, "the superseded delays must not add it again");
        clock.PendingTimers.Should().Be(0);
    }

    [Fact]
    public void Shutdown_cancels_pending_delays()
    {
        queue.AddAfter("a", TimeSpan.FromSeconds(10));

        queue.ShutDown();

        clock.PendingTimers.Should().Be(0);
    }

    [Fact]
    public void AddRateLimited_waits_as_long_as_the_per_item_backoff_says_and_Forget_resets_it()
    {
        queue.AddRateLimited("a");
        queue.AddRateLimited("b");
        clock.Advance(TimeSpan.FromMilliseconds(5));
        queue.AddRateLimited("a");
        clock.Advance(TimeSpan.FromMilliseconds(10));
        queue.AddRateLimited("a");

        queue.NumRequeues("a").Should().Be(3);
        queue.Forget("a");
        queue.NumRequeues("a").Should().Be(0);
        clock.RequestedDelays.Select(delay => delay.TotalMilliseconds).Should().Equal(5, 5, 10, 20);
    }
}
