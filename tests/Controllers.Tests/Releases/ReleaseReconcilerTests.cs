using System.Collections.Concurrent;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Events;
using Kube.Runtime.Informers;
using Paas.Controllers.Releases;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Releases;

/// <summary>The release reconciler driven by hand over real informers, so a test decides exactly when it reconciles.</summary>
public class ReleaseReconcilerTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public ReleaseReconcilerTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task A_second_reconcile_with_nothing_changed_sends_no_write()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await ReleaseTestOperator.CreateReleaseAsync(cluster.Client, ns, 2, new Dictionary<string, string> { ["web"] = "bin/web", ["release"] = "bin/migrate" });
        await using var caches = await Caches.StartAsync(cluster, ns);
        var key = new ObjectKey(ns, "shop");

        await caches.Reconciler.ReconcileAsync(key, CancellationToken.None);
        caches.Requests.Writes.Should().BeGreaterThan(0, "the first reconcile starts v2's release phase and writes the statuses");
        await Eventually.TrueAsync(
            () => caches.Releases.Store.Get(new ObjectKey(ns, "shop-v2"))?.Status?.Phase == ReleasePhases.Releasing
                && caches.Jobs.Store.Get(new ObjectKey(ns, "shop-release-v2")) is not null
                && caches.Releases.Store.Get(new ObjectKey(ns, "shop-v1"))?.Status?.Phase is not null,
            "the caches hold the written statuses and the Job");
        caches.Requests.Reset();

        await caches.Reconciler.ReconcileAsync(key, CancellationToken.None);

        caches.Requests.Writes.Should().Be(0);
    }

    [Fact]
    public async Task Phase_changes_and_a_new_current_release_are_announced_as_events_once()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var caches = await Caches.StartAsync(cluster, ns);
        var key = new ObjectKey(ns, "shop");

        await caches.Reconciler.ReconcileAsync(key, CancellationToken.None);
        await Eventually.TrueAsync(() => caches.Releases.Store.Get(new ObjectKey(ns, "shop-v1"))?.Status?.Current == true, "v1 is current in the cache");
        await caches.Reconciler.ReconcileAsync(key, CancellationToken.None);

        caches.Events.Recorded.Select(e => (e.Kind, e.Name, e.Reason)).Should().BeEquivalentTo(new[]
        {
            ("Release", "shop-v1", ReleaseEventReasons.ReleaseSucceeded),
            ("Release", "shop-v1", ReleaseEventReasons.ReleaseCurrent),
            ("App", "shop", ReleaseEventReasons.ReleaseCurrent),
        });
    }

    /// <summary>Apps, Releases and Jobs informers on a counting client, and a reconciler reading them.</summary>
    private sealed class Caches : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly List<Task> runs = [];

        private Caches(KubeClient client, CountingHandler requests, string ns)
        {
            Requests = requests;
            Apps = new Informer<App>(client, new InformerOptions { Namespace = ns });
            Releases = new Informer<Release>(client, new InformerOptions { Namespace = ns });
            Jobs = new Informer<Job>(client, new InformerOptions { Namespace = ns, LabelSelector = PaasLabels.App });
            ReleaseIndexes.AddTo(Releases, Jobs);
            Reconciler = new ReleaseReconciler(Apps.Store, Releases.Store, Jobs.Store, client, Events);
        }

        public CountingHandler Requests { get; }

        public Informer<App> Apps { get; }

        public Informer<Release> Releases { get; }

        public Informer<Job> Jobs { get; }

        public RecordingEvents Events { get; } = new();

        public ReleaseReconciler Reconciler { get; }

        public static async Task<Caches> StartAsync(Cluster cluster, string ns)
        {
            var (client, requests) = cluster.NewClient();
            var caches = new Caches(client, requests, ns);
            caches.runs.Add(caches.Apps.RunAsync(caches.stop.Token));
            caches.runs.Add(caches.Releases.RunAsync(caches.stop.Token));
            caches.runs.Add(caches.Jobs.RunAsync(caches.stop.Token));
            await Task.WhenAll(
                caches.Apps.WaitForSyncAsync(CancellationToken.None),
                caches.Releases.WaitForSyncAsync(CancellationToken.None),
                caches.Jobs.WaitForSyncAsync(CancellationToken.None));
            return caches;
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            try
            {
                await Task.WhenAll(runs);
            }
            catch (OperationCanceledException)
            {
            }

            stop.Dispose();
        }
    }

    /// <summary>Keeps every event it is given, in order.</summary>
    private sealed class RecordingEvents : IEventRecorder
    {
        private readonly ConcurrentQueue<(string? Kind, string? Name, string Reason)> recorded = new();

        public IReadOnlyList<(string? Kind, string? Name, string Reason)> Recorded => [.. recorded];

        public void Record(IKubernetesObject regarding, EventType type, string reason, string action, string note) =>
            recorded.Enqueue((regarding.Kind, regarding.Metadata.Name, reason));
    }
}
