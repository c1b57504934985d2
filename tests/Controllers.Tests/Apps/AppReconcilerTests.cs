using Paas.Controllers.Releases;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Events;
using Kube.Runtime.Informers;
using Paas.Controllers.Apps;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Apps;

public class AppReconcilerTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public AppReconcilerTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Reconcile_of_an_unchanged_app_makes_zero_requests()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns }, Spec = new AppSpec { Config = new Dictionary<string, string> { ["FOO"] = "1" } } });
        await cluster.Client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = "shop-v1", Namespace = ns, Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
            Spec = new ReleaseSpec { App = "shop", Version = 1, Image = Cluster.Image },
        });
        var (client, requests) = cluster.NewClient();
        using var stop = new CancellationTokenSource();
        var options = new InformerOptions { Namespace = ns };
        var apps = new Informer<App>(client, options);
        var releases = new Informer<Release>(client, options);
        ReleaseIndexes.AddTo(releases.Store);
        var secrets = new Informer<Secret>(client, options);
        var loops = Task.WhenAll(apps.RunAsync(stop.Token), releases.RunAsync(stop.Token), secrets.RunAsync(stop.Token));
        await Task.WhenAll(apps.WaitForSyncAsync(stop.Token), releases.WaitForSyncAsync(stop.Token), secrets.WaitForSyncAsync(stop.Token));
        var recorder = new EventRecorder(cluster.Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
        var reconciler = new AppReconciler(apps.Store, releases.Store, secrets.Store, client, recorder);
        var key = new ObjectKey(ns, "shop");

        await reconciler.ReconcileAsync(key, CancellationToken.None);
        await Eventually.TrueAsync(
            () => releases.Store.Get(new ObjectKey(ns, "shop-v2")) is not null && apps.Store.Get(key)?.Status is not null && secrets.Store.Count == 1,
            "the caches saw v2, its snapshot and the App's status");
        requests.Reset();
        await reconciler.ReconcileAsync(key, CancellationToken.None);

        requests.Writes.Should().Be(0);
        requests.Requests.Where(r => !r.Path.Contains("watch", StringComparison.Ordinal)).Should().BeEmpty("everything is read from the caches");
        (await cluster.Client.ListAsync<Release>(ns)).Items.Should().HaveCount(2);
        await stop.CancelAsync();
        await loops.ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
