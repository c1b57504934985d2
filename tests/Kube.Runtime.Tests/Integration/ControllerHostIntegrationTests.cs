using Kube.Models;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Kube.Runtime.Finalizers;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Kube.Runtime.Leadership;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Integration;

public sealed class ControllerHostIntegrationTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private const string Finalizer = "paas.dev/cleanup";

    [Fact]
    public async Task A_leader_elected_host_reconciles_adds_a_finalizer_records_an_event_and_releases_the_lease_on_shutdown()
    {
        var ns = await fixture.NewNamespaceAsync();
        var client = fixture.NewClient();
        var informer = new Informer<ConfigMap>(client, new InformerOptions { Namespace = ns });
        var recorder = new EventRecorder(client, new EventRecorderOptions { ReportingController = "paas.dev/test", ReportingInstance = "host-0" });
        var reconciler = new DelegateReconciler(async (key, ct) =>
        {
            if (informer.Store.Get(key) is not { } configMap)
            {
                return ReconcileResult.Success;
            }

            var updated = await client.EnsureFinalizerAsync(configMap, Finalizer, ct);
            recorder.Record(updated, EventType.Normal, "Finalized", "Reconcile", "cleanup finalizer in place");
            return ReconcileResult.Success;
        });
        using var controller = new Controller("configmaps", reconciler).For(informer);
        var elector = new LeaderElector(client, new LeaderElectionOptions
        {
            LeaseName = "host-test",
            LeaseNamespace = ns,
            Identity = "host-0",
            LeaseDuration = TimeSpan.FromSeconds(4),
            RenewDeadline = TimeSpan.FromSeconds(3),
            RetryPeriod = TimeSpan.FromMilliseconds(300),
            OnStoppedLeading = () => throw new InvalidOperationException("the lease must not be lost in this test"),
        });
        var host = new ControllerHost(elector).Add(informer).Add(controller).AddBackground("events", recorder.RunAsync);
        using var stop = new CancellationTokenSource();
        var run = host.RunAsync(stop.Token);

        await fixture.Client.CreateAsync(ConfigMap.Named("app", ns));

        await Eventually.TrueAsync(
            async () => (await fixture.Client.GetAsync<ConfigMap>("app", ns)).HasFinalizer(Finalizer),
            "the reconciler added the finalizer");
        await Eventually.TrueAsync(
            async () => (await fixture.Client.ListAsync<Event>(ns)).Items.Any(e => e.Reason == "Finalized" && e.Regarding?.Name == "app"),
            "the event was recorded");
        host.IsActive.Should().BeTrue();
        host.HasSynced.Should().BeTrue();

        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(20));

        host.IsActive.Should().BeFalse();
        (await fixture.Client.GetAsync<Lease>("host-test", ns)).Spec!.HolderIdentity.Should().BeEmpty();
    }
}
