using Kube.Models;
using Paas.Controllers.Dynos;

namespace Paas.Controllers.Tests.Dynos;

public class DynoCyclePlannerTests
{
    private static readonly DynoCycleSettings Settings = DynoCycleSettings.Heroku;
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Jitter_is_the_same_for_the_same_uid_and_never_exceeds_216_minutes()
    {
        var uids = Enumerable.Range(0, 2000).Select(i => $"00000000-0000-0000-0000-{i:D12}").ToList();

        var jitters = uids.Select(uid => DynoCyclePlanner.Jitter(uid, Settings.MaxJitter)).ToList();

        jitters.Should().Equal(uids.Select(uid => DynoCyclePlanner.Jitter(uid, Settings.MaxJitter)), "the delay is derived from the uid, not drawn anew");
        jitters.Should().OnlyContain(j => j >= TimeSpan.Zero && j <= TimeSpan.FromMinutes(216));
        jitters.Min().Should().BeLessThan(TimeSpan.FromMinutes(20), "delays spread over the whole range");
        jitters.Max().Should().BeGreaterThan(TimeSpan.FromMinutes(196), "delays spread over the whole range");
        // 2,000 draws from 12,961 whole seconds repeat about 150 times by chance; a coarse or constant jitter repeats far more.
        jitters.Distinct().Count().Should().BeGreaterThan(1750, "dynos started together do not restart together");
    }

    [Fact]
    public void Jitter_of_zero_range_is_zero()
    {
        DynoCyclePlanner.Jitter("any-uid", TimeSpan.Zero).Should().Be(TimeSpan.Zero);
    }

    [Fact]
    public void Deadline_is_creation_plus_24_hours_plus_the_uid_jitter()
    {
        var pod = Dyno("web-a", Start);

        DynoCyclePlanner.Deadline(pod, Settings).Should().Be(Start + TimeSpan.FromHours(24) + DynoCyclePlanner.Jitter(pod.Metadata.Uid!, Settings.MaxJitter));
    }

    [Fact]
    public void Young_dynos_are_left_alone_until_the_earliest_deadline()
    {
        var a = Dyno("web-a", Start);
        var b = Dyno("web-b", Start.AddHours(1));
        var now = Start.AddHours(2);

        var plan = DynoCyclePlanner.Plan([a, b], now, Settings, expectedDynos: 2);

        plan.Restart.Should().BeNull();
        var earliest = new[] { DynoCyclePlanner.Deadline(a, Settings), DynoCyclePlanner.Deadline(b, Settings) }.Min();
        plan.LookAgainAfter.Should().Be(earliest - now);
    }

    [Fact]
    public void Due_dyno_is_restarted_and_the_planner_looks_again_soon()
    {
        var old = Dyno("web-a", Start);
        var young = Dyno("web-b", Start.AddHours(20));
        var now = Start.AddHours(28);

        var plan = DynoCyclePlanner.Plan([young, old], now, Settings, expectedDynos: 2);

        plan.Restart.Should().BeSameAs(old);
        plan.LookAgainAfter.Should().Be(Settings.Recheck);
        plan.Reason.Should().Contain("web-a");
    }

    [Fact]
    public void Dyno_just_before_its_deadline_is_not_restarted_and_just_after_it_is()
    {
        var pod = Dyno("web-a", Start);
        var deadline = DynoCyclePlanner.Deadline(pod, Settings);

        DynoCyclePlanner.Plan([pod], deadline.AddSeconds(-1), Settings).Restart.Should().BeNull();
        DynoCyclePlanner.Plan([pod], deadline.AddSeconds(-1), Settings).LookAgainAfter.Should().Be(TimeSpan.FromSeconds(1));
        DynoCyclePlanner.Plan([pod], deadline, Settings).Restart.Should().BeSameAs(pod);
    }

    [Fact]
    public void Only_the_most_overdue_of_several_due_dynos_restarts()
    {
        // Started 300 minutes apart, more than the 216-minute jitter, so web-4 is the most overdue whatever the uids.
        var pods = Enumerable.Range(0, 5).Select(i => Dyno($"web-{i}", Start.AddMinutes(-300 * i))).ToList();

        var plan = DynoCyclePlanner.Plan(pods, Start.AddDays(3), Settings, expectedDynos: 5);

        plan.Restart!.Metadata.Name.Should().Be("web-4");
    }

    [Fact]
    public void Due_dyno_waits_while_a_sibling_is_not_ready()
    {
        var due = Dyno("web-a", Start);
        var starting = Dyno("web-b", Start.AddHours(27), ready: false);

        var plan = DynoCyclePlanner.Plan([due, starting], Start.AddHours(28), Settings, expectedDynos: 2);

        plan.Restart.Should().BeNull();
        plan.LookAgainAfter.Should().Be(Settings.Recheck);
        plan.Reason.Should().Contain("web-b").And.Contain("one at a time");
    }

    [Fact]
    public void Due_dyno_waits_while_a_sibling_is_terminating()
    {
        var due = Dyno("web-a", Start);
        var stopping = Dyno("web-b", Start) with { Metadata = Dyno("web-b", Start).Metadata with { DeletionTimestamp = Start.AddHours(28) } };

        var plan = DynoCyclePlanner.Plan([due, stopping], Start.AddHours(29), Settings, expectedDynos: 2);

        plan.Restart.Should().BeNull();
    }

    [Fact]
    public void Due_dyno_waits_while_the_replacement_of_the_last_one_has_not_appeared()
    {
        var due = Dyno("web-a", Start);

        var plan = DynoCyclePlanner.Plan([due], Start.AddHours(28), Settings, expectedDynos: 2);

        plan.Restart.Should().BeNull();
        plan.Reason.Should().Contain("1 of 2");
    }

    [Fact]
    public void Due_dyno_that_is_itself_not_ready_is_not_restarted()
    {
        var due = Dyno("web-a", Start, ready: false);

        DynoCyclePlanner.Plan([due], Start.AddHours(28), Settings).Restart.Should().BeNull();
    }

    [Fact]
    public void Finished_pods_neither_restart_nor_hold_others_back()
    {
        var due = Dyno("web-a", Start);
        var evicted = Dyno("web-old", Start.AddDays(-3), ready: false) with { Status = new PodStatus { Phase = "Failed" } };

        var plan = DynoCyclePlanner.Plan([due, evicted], Start.AddHours(28), Settings, expectedDynos: 1);

        plan.Restart.Should().BeSameAs(due);
    }

    [Fact]
    public void No_dynos_means_nothing_to_look_at()
    {
        var plan = DynoCyclePlanner.Plan([], Start, Settings, expectedDynos: 0);

        plan.Restart.Should().BeNull();
        plan.LookAgainAfter.Should().BeNull();
    }

    [Fact]
    public void A_new_release_resets_the_clock_because_its_pods_are_new()
    {
        var replaced = Dyno("web-new", Start.AddHours(23));

        var plan = DynoCyclePlanner.Plan([replaced], Start.AddHours(25), Settings, expectedDynos: 1);

        plan.Restart.Should().BeNull();
        plan.LookAgainAfter.Should().BeGreaterThan(TimeSpan.FromHours(21));
    }

    [Fact]
    public void Shorter_period_from_settings_is_honoured()
    {
        var settings = new DynoCycleSettings { Period = TimeSpan.FromHours(1), MaxJitter = TimeSpan.Zero };
        var pod = Dyno("web-a", Start);

        DynoCyclePlanner.Plan([pod], Start.AddMinutes(59), settings).Restart.Should().BeNull();
        DynoCyclePlanner.Plan([pod], Start.AddMinutes(60), settings).Restart.Should().BeSameAs(pod);
    }

    private static Pod Dyno(string name, DateTimeOffset created, bool ready = true) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "team", Uid = $"uid-{name}", CreationTimestamp = created },
        Status = new PodStatus
        {
            Phase = "Running",
            Conditions = [new PodCondition { Type = "Ready", Status = ready ? "True" : "False" }],
        },
    };
}
