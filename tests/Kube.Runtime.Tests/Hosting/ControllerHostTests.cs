using Kube.Models;
using Kube.Runtime.Controllers;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Kube.Runtime.Leadership;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Hosting;

public sealed class ControllerHostTests
{
    private readonly FakeKubeClient client = new();

    [Fact]
    public async Task A_follower_fills_its_cache_but_does_not_reconcile_until_it_leads()
    {
        client.Put(ConfigMap.Named("app"));
        client.Put(new Lease
        {
            Metadata = new ObjectMeta { Name = "operator", Namespace = "paas-system" },
            Spec = new LeaseSpec { HolderIdentity = "someone-else", LeaseDurationSeconds = 15 },
        });
        client.EnqueueWatch(new FakeWatch());
        var informer = new Informer<ConfigMap>(client);
        var reconciler = new DelegateReconciler((_, _) => Task.FromResult(ReconcileResult.Success));
        using var controller = new Controller("configmaps", reconciler).For(informer);
        var elector = new LeaderElector(client, new LeaderElectionOptions
        {
            LeaseName = "operator",
            LeaseNamespace = "paas-system",
            Identity = "me",
            LeaseDuration = TimeSpan.FromSeconds(4),
            RenewDeadline = TimeSpan.FromSeconds(3),
            RetryPeriod = TimeSpan.FromMilliseconds(200),
            OnStoppedLeading = () => { },
        });
        var host = new ControllerHost(elector).Add(informer).Add(controller);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);

        await Eventually.TrueAsync(() => host.HasSynced, "the cache synced");
        await Eventually.TrueAsync(() => controller.Queue.Count == 1, "the key waits in the queue");
        host.IsActive.Should().BeFalse();
        reconciler.Calls.Should().BeEmpty();

        client.Put(client.Peek<Lease>("operator", "paas-system")! with { Spec = new LeaseSpec { HolderIdentity = string.Empty, LeaseDurationSeconds = 1 } });

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 1, "the new leader reconciled the waiting key");
        host.IsActive.Should().BeTrue();
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Without_election_controllers_run_once_caches_sync_and_the_run_ends_on_cancellation()
    {
        client.Put(ConfigMap.Named("app"));
        client.EnqueueWatch(new FakeWatch());
        var informer = new Informer<ConfigMap>(client);
        var reconciler = new DelegateReconciler((_, _) => Task.FromResult(ReconcileResult.Success));
        using var controller = new Controller("configmaps", reconciler).For(informer);
        var host = new ControllerHost().Add(informer).Add(controller);
        using var stop = new CancellationTokenSource();

        var run = host.RunAsync(stop.Token);

        await Eventually.TrueAsync(() => reconciler.Calls.Count == 1, "the key was reconciled");
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));
        host.IsActive.Should().BeFalse();
    }
}
