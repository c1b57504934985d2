using Kube.Models;
using Kube.Runtime.Leadership;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Integration;

public sealed class LeaderElectionIntegrationTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task Of_two_electors_on_one_lease_only_one_leads_and_the_other_takes_over_after_a_release()
    {
        var ns = await fixture.NewNamespaceAsync();
        var stoppedLeading = 0;
        LeaderElector NewElector(string identity) => new(
            fixture.NewClient(),
            new LeaderElectionOptions
            {
                LeaseName = "operator",
                LeaseNamespace = ns,
                Identity = identity,
                LeaseDuration = TimeSpan.FromSeconds(4),
                RenewDeadline = TimeSpan.FromSeconds(3),
                RetryPeriod = TimeSpan.FromMilliseconds(300),
                OnStoppedLeading = () => Interlocked.Increment(ref stoppedLeading),
            });
        var first = NewElector("first");
        var second = NewElector("second");
        using var stopFirst = new CancellationTokenSource();
        using var stopSecond = new CancellationTokenSource();
        var bothLed = false;
        var firstRun = first.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), stopFirst.Token);
        await Eventually.TrueAsync(() => first.IsLeader, "the first elector leads");
        var secondRun = second.RunAsync(ct => Task.Delay(Timeout.Infinite, ct), stopSecond.Token);

        // Watch both for a few renewal rounds: the second must not lead while the first renews.
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(2);
        while (DateTime.UtcNow < until)
        {
            bothLed |= first.IsLeader && second.IsLeader;
            await Task.Delay(20);
        }

        second.IsLeader.Should().BeFalse();
        await stopFirst.CancelAsync();
        await firstRun.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.TrueAsync(() => second.IsLeader, "the second elector took over after the release");

        bothLed.Should().BeFalse();
        var lease = await fixture.Client.GetAsync<Lease>("operator", ns);
        lease.Spec!.HolderIdentity.Should().Be("second");
        lease.Spec.LeaseTransitions.Should().Be(1);
        Volatile.Read(ref stoppedLeading).Should().Be(0);
        await stopSecond.CancelAsync();
        await secondRun.WaitAsync(TimeSpan.FromSeconds(10));
        (await fixture.Client.GetAsync<Lease>("operator", ns)).Spec!.HolderIdentity.Should().BeEmpty();
    }
}
