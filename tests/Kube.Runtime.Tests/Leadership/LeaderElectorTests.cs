using Kube.Client;
using Kube.Models;
using Kube.Runtime.Leadership;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Leadership;

public sealed class LeaderElectorTests : IAsyncLifetime
{
    private const string LeaseName = "paas-operator";
    private const string LeaseNamespace = "paas-system";

    private readonly FakeKubeClient client = new();
    private readonly ManualTimeProvider clock = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Task> running = [];
    private readonly DateTimeOffset start;
    private int stoppedLeading;

    public LeaderElectorTests() => start = clock.GetUtcNow();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await stop.CancelAsync();
        await Task.WhenAll(running);
        stop.Dispose();
    }

    [Fact]
    public async Task Acquires_an_absent_lease_and_records_itself_as_holder()
    {
        var (elector, leading) = Run("one");

        await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));

        elector.IsLeader.Should().BeTrue();
        var spec = Lease().Spec!;
        spec.HolderIdentity.Should().Be("one");
        spec.LeaseDurationSeconds.Should().Be(15);
        spec.LeaseTransitions.Should().Be(0);
        spec.AcquireTime.Should().Be(start);
        spec.RenewTime.Should().Be(start);
    }

    [Fact]
    public async Task The_leader_renews_every_retry_period()
    {
        var (_, leading) = Run("one");
        await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));

        await clock.AdvanceToNextTimerAsync();
        await Eventually.TrueAsync(() => Lease().Spec!.RenewTime == start + TimeSpan.FromSeconds(2), "the first renewal landed");
        await clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => Lease().Spec!.RenewTime == start + TimeSpan.FromSeconds(4), "the second renewal landed");
        Lease().Spec!.AcquireTime.Should().Be(start, "renewing does not re-acquire");
        Volatile.Read(ref stoppedLeading).Should().Be(0);
    }

    [Fact]
    public async Task A_foreign_lease_is_taken_over_only_after_our_own_clock_saw_it_unchanged_for_its_duration()
    {
        client.Put(new Lease
        {
            Metadata = new ObjectMeta { Name = LeaseName, Namespace = LeaseNamespace },
            Spec = new LeaseSpec
            {
                HolderIdentity = "crashed",
                LeaseDurationSeconds = 15,
                RenewTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero),
                LeaseTransitions = 3,
            },
        });
        var (elector, leading) = Run("one");

        while (clock.GetUtcNow() - start < TimeSpan.FromSeconds(14))
        {
            await clock.AdvanceToNextTimerAsync();
            elector.IsLeader.Should().BeFalse($"at {clock.GetUtcNow() - start} the lease was seen unchanged for less than 15 s");
        }

        await clock.AdvanceToNextTimerAsync();
        await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));

        (clock.GetUtcNow() - start).Should().Be(TimeSpan.FromSeconds(16));
        Lease().Spec!.HolderIdentity.Should().Be("one");
        Lease().Spec!.LeaseTransitions.Should().Be(4);
    }

    [Fact]
    public async Task A_leader_that_cannot_renew_for_the_renew_deadline_stops_leading_and_calls_OnStoppedLeading()
    {
        var (elector, leading) = Run("one");
        var leadingToken = await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));
        client.Fault = operation => operation == "replace" ? new HttpRequestException("API server unreachable") : null;

        while (clock.GetUtcNow() - start < TimeSpan.FromSeconds(10))
        {
            await clock.AdvanceToNextTimerAsync();
        }

        Volatile.Read(ref stoppedLeading).Should().Be(0, "the renew deadline (10 s after the renewal started at 2 s) has not passed");
        await clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => Volatile.Read(ref stoppedLeading) == 1, "OnStoppedLeading was called");
        (clock.GetUtcNow() - start).Should().Be(TimeSpan.FromSeconds(12));
        leadingToken.IsCancellationRequested.Should().BeTrue();
        elector.IsLeader.Should().BeFalse();
        await running[0].WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Seeing_another_holder_ends_leadership_at_once()
    {
        var (_, leading) = Run("one");
        var leadingToken = await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));
        client.Put(Lease() with { Spec = Lease().Spec! with { HolderIdentity = "usurper" } });

        await clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => Volatile.Read(ref stoppedLeading) == 1, "OnStoppedLeading was called");
        leadingToken.IsCancellationRequested.Should().BeTrue();
    }

    [Fact]
    public async Task A_conflict_on_renewal_is_retried_after_re_reading_the_lease()
    {
        var (elector, leading) = Run("one");
        await leading.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var conflicts = 0;
        client.Fault = operation => operation == "replace" && Interlocked.Increment(ref conflicts) == 1
            ? new ConflictException(new Status { Code = 409, Reason = "Conflict" })
            : null;

        await clock.AdvanceToNextTimerAsync();
        await clock.AdvanceToNextTimerAsync();

        await Eventually.TrueAsync(() => Lease().Spec!.RenewTime == start + TimeSpan.FromSeconds(4), "the retry renewed");
        elector.IsLeader.Should().BeTrue();
        Volatile.Read(ref stoppedLeading).Should().Be(0);
    }

    [Fact]
    public async Task Graceful_shutdown_drains_first_then_releases_the_lease()
    {
        var order = new List<string>();
        client.Fault = operation =>
        {
            if (operation == "replace")
            {
                lock (order)
                {
                    order.Add("replace lease");
                }
            }

            return null;
        };
        using var shutdown = new CancellationTokenSource();
        var elector = NewElector("one");
        var run = elector.RunAsync(
            async ct =>
            {
                await Task.Delay(Timeout.Infinite, ct).ContinueWith(_ => { }, TaskScheduler.Default);
                lock (order)
                {
                    order.Add("drained");
                }
            },
            shutdown.Token);
        await Eventually.TrueAsync(() => elector.IsLeader, "it leads");

        await shutdown.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        order.Should().Equal("drained", "replace lease");
        Lease().Spec!.HolderIdentity.Should().BeEmpty();
        Lease().Spec!.LeaseDurationSeconds.Should().Be(1);
        Volatile.Read(ref stoppedLeading).Should().Be(0, "a graceful release is not a loss");
    }

    [Fact]
    public async Task Of_two_candidates_only_one_leads_and_the_other_takes_over_after_a_release()
    {
        using var firstStop = new CancellationTokenSource();
        var first = NewElector("first");
        var firstRun = first.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), firstStop.Token);
        await Eventually.TrueAsync(() => first.IsLeader, "the first candidate leads");
        var (second, secondLeading) = Run("second");

        await clock.AdvanceToNextTimerAsync();
        await clock.AdvanceToNextTimerAsync();
        second.IsLeader.Should().BeFalse();

        await firstStop.CancelAsync();
        await firstRun.WaitAsync(TimeSpan.FromSeconds(10));
        while (!secondLeading.Task.IsCompleted && clock.GetUtcNow() - start < TimeSpan.FromSeconds(10))
        {
            await clock.AdvanceToNextTimerAsync();
        }

        await secondLeading.Task.WaitAsync(TimeSpan.FromSeconds(10));
        (clock.GetUtcNow() - start).Should().BeLessThan(TimeSpan.FromSeconds(15), "a released lease need not expire first");
        first.IsLeader.Should().BeFalse();
        Lease().Spec!.HolderIdentity.Should().Be("second");
    }

    [Fact]
    public void Options_with_a_renew_deadline_not_shorter_than_the_lease_are_refused_naming_the_fields()
    {
        var options = new LeaderElectionOptions
        {
            LeaseName = LeaseName,
            LeaseNamespace = LeaseNamespace,
            Identity = "one",
            LeaseDuration = TimeSpan.FromSeconds(10),
            RenewDeadline = TimeSpan.FromSeconds(10),
        };

        var create = () => new LeaderElector(client, options);

        create.Should().Throw<ArgumentException>().WithMessage("*LeaseDuration*RenewDeadline*");
    }

    private (LeaderElector Elector, TaskCompletionSource<CancellationToken> Leading) Run(string identity)
    {
        var elector = NewElector(identity);
        var leading = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
        running.Add(elector.RunAsync(
            async ct =>
            {
                leading.TrySetResult(ct);
                await Task.Delay(Timeout.Infinite, ct);
            },
            stop.Token));
        return (elector, leading);
    }

    private LeaderElector NewElector(string identity) => new(
        client,
        new LeaderElectionOptions
        {
            LeaseName = LeaseName,
            LeaseNamespace = LeaseNamespace,
            Identity = identity,
            OnStoppedLeading = () => Interlocked.Increment(ref stoppedLeading),
        },
        timeProvider: clock,
        random: new FixedRandom(0));

    private Lease Lease() => client.Peek<Lease>(LeaseName, LeaseNamespace) ?? throw new InvalidOperationException("no lease yet");
}
