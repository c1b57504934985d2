using Kube.Runtime.Cache;
using Paas.Controllers.Plumbing;

namespace Paas.Controllers.Tests.Plumbing;

public class SettlingStatusesTests
{
    private static readonly ObjectKey Shop = new("ns", "shop");
    private static readonly ObjectKey Blog = new("ns", "blog");

    [Fact]
    public void First_unsettled_status_is_held_for_the_whole_window()
    {
        var settling = new SettlingStatuses(TimeSpan.FromSeconds(1), new SteppedClock());

        settling.Hold(Shop).Should().Be(TimeSpan.FromSeconds(1));
        settling.Held.Should().Be(1);
    }

    [Fact]
    public void Later_unsettled_status_waits_only_for_what_is_left_of_the_window()
    {
        var clock = new SteppedClock();
        var settling = new SettlingStatuses(TimeSpan.FromSeconds(1), clock);
        settling.Hold(Shop);

        clock.Advance(TimeSpan.FromMilliseconds(300));

        settling.Hold(Shop).Should().Be(TimeSpan.FromMilliseconds(700));
    }

    [Fact]
    public void Unsettled_status_is_written_when_its_window_is_over_and_the_next_change_gets_a_new_window()
    {
        var clock = new SteppedClock();
        var settling = new SettlingStatuses(TimeSpan.FromSeconds(1), clock);
        settling.Hold(Shop);

        clock.Advance(TimeSpan.FromSeconds(1));

        settling.Hold(Shop).Should().BeNull("the window is over, so the rollout in progress is reported");
        settling.Held.Should().Be(0);
        settling.Hold(Shop).Should().Be(TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void Forgotten_key_starts_over_and_other_keys_keep_their_own_windows()
    {
        var clock = new SteppedClock();
        var settling = new SettlingStatuses(TimeSpan.FromSeconds(1), clock);
        settling.Hold(Shop);
        clock.Advance(TimeSpan.FromMilliseconds(600));
        settling.Hold(Blog);

        settling.Forget(Shop);
        clock.Advance(TimeSpan.FromMilliseconds(100));

        settling.Hold(Shop).Should().Be(TimeSpan.FromSeconds(1));
        settling.Hold(Blog).Should().Be(TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public void Zero_window_holds_nothing()
    {
        var settling = new SettlingStatuses(TimeSpan.Zero, new SteppedClock());

        settling.Hold(Shop).Should().BeNull();
        settling.Held.Should().Be(0);
    }

    [Fact]
    public void Negative_window_is_refused()
    {
        var create = () => new SettlingStatuses(TimeSpan.FromSeconds(-1));

        create.Should().Throw<ArgumentOutOfRangeException>();
    }
}
