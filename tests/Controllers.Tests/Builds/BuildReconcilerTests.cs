using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Events;
using Kube.Runtime.Informers;
using Kube.Testing.Kubelet;
using Paas.Controllers.Builds;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Controllers.Tests.Builds;

public class BuildReconcilerTests : IClassFixture<Cluster>
{
    private const string Plan = """{"buildpacks":["heroku/python"],"processTypes":{"web":"gunicorn app:app"}}""";
    private static readonly string Digest = "sha256:" + new string('c', 64);
    private readonly Cluster cluster;

    public BuildReconcilerTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Reconcile_of_a_finished_build_makes_zero_requests()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using (var op = await BuildOperator.StartAsync(cluster, ns))
        {
            op.WillEnd("b1", JobPodOutcome.Succeeded(
                [ContainerOutcome.Completed(BuildSteps.Source, new string('f', 40)), ContainerOutcome.Completed(BuildSteps.Plan, Plan)],
                [ContainerOutcome.Completed(BuildSteps.Build, Digest)]));
            await CreateBuildAsync(ns, "b1");
            await WaitForBuildAsync(ns, "b1", build => build.Status?.Release is not null);
        }

        await using var reconciler = await CachedReconciler.StartAsync(cluster, ns);
        await Eventually.TrueAsync(() => reconciler.Builds.Get(new ObjectKey(ns, "b1"))?.Status?.Release is not null, "the cache holds the finished Build");
        reconciler.Requests.Reset();

        await reconciler.ReconcileAsync(new ObjectKey(ns, "b1"));

        reconciler.Requests.Writes.Should().Be(0);
        reconciler.Requests.Requests.Where(r => !r.Path.Contains("watch", StringComparison.Ordinal)).Should().BeEmpty("a finished Build is never looked at again");
        (await cluster.Client.ListAsync<Release>(ns)).Items.Should().HaveCount(2, "the Build's Release was created once");
    }

    [Fact]
    public async Task Reconcile_of_a_running_build_that_did_not_change_makes_zero_requests()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.NewClient().Client, new TestKubeletOptions
        {
            Namespace = ns,
            JobPod = _ => new JobPodOutcome { Verdict = JobVerdict.Running, InitContainers = [ContainerOutcome.Completed(BuildSteps.Source), ContainerOutcome.Completed(BuildSteps.Plan, Plan)], Containers = [ContainerOutcome.Running(BuildSteps.Build)] },
        });
        await using var reconciler = await CachedReconciler.StartAsync(cluster, ns);
        await CreateBuildAsync(ns, "b1");
        var key = new ObjectKey(ns, "b1");
        await Eventually.TrueAsync(
            async () =>
            {
                await reconciler.ReconcileAsync(key);
                return reconciler.Builds.Get(key)?.Status is { Phase: BuildPhases.Running, PodName: not null };
            },
            "the Build runs and its cached status names the pod");
        reconciler.Requests.Reset();

        await reconciler.ReconcileAsync(key);

        reconciler.Requests.Writes.Should().Be(0);
        reconciler.Requests.Requests.Where(r => !r.Path.Contains("watch", StringComparison.Ordinal)).Should().BeEmpty("Job and Build come from the caches and the pod is already known");
    }

    private Task<Build> CreateBuildAsync(string ns, string name) =>
        cluster.Client.CreateAsync(new Build
        {
            Metadata = new ObjectMeta { Name = name, Namespace = ns },
            Spec = new BuildSpec { App = "shop", Source = new BuildSource { Git = new GitSource { Url = "https://git.example/shop.git" } } },
        });

    private async Task WaitForBuildAsync(string ns, string name, Func<Build, bool> done) =>
        await Eventually.TrueAsync(async () => done(await cluster.Client.GetAsync<Build>(name, ns)), $"Build {name} reaches the expected state");

    /// <summary>A Build reconciler on its own synced caches and a client whose requests are counted, called directly.</summary>
    private sealed class CachedReconciler : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private Task loops = Task.CompletedTask;
        private BuildReconciler reconciler = null!;

        public IObjectStore<Build> Builds { get; private set; } = null!;

        public CountingHandler Requests { get; private set; } = null!;

        public static async Task<CachedReconciler> StartAsync(Cluster cluster, string ns)
        {
            var (client, requests) = cluster.NewClient();
            var result = new CachedReconciler { Requests = requests };
            var options = new InformerOptions { Namespace = ns };
            var builds = new Informer<Build>(client, options);
            var apps = new Informer<App>(client, options);
            var jobs = new Informer<Job>(client, options with { LabelSelector = BuildLabels.Build });
            var secrets = new Informer<Secret>(client, options);
            result.loops = Task.WhenAll(builds.RunAsync(result.stop.Token), apps.RunAsync(result.stop.Token), jobs.RunAsync(result.stop.Token), secrets.RunAsync(result.stop.Token));
            await Task.WhenAll(builds.WaitForSyncAsync(result.stop.Token), apps.WaitForSyncAsync(result.stop.Token), jobs.WaitForSyncAsync(result.stop.Token), secrets.WaitForSyncAsync(result.stop.Token));
            var recorder = new EventRecorder(cluster.Client, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "test" });
            result.Builds = builds.Store;
            result.reconciler = new BuildReconciler(
                new BuildStores(builds.Store, apps.Store, jobs.Store, secrets.Store), client, recorder, new BuildControllerOptions { Images = new RegistryImageResolver(new HttpClient()) });
            return result;
        }

        public Task ReconcileAsync(ObjectKey key) => reconciler.ReconcileAsync(key, CancellationToken.None);

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loops.ContinueWith(_ => { }, TaskScheduler.Default);
            stop.Dispose();
        }
    }
}
