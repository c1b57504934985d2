using Paas.Controllers.Releases;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Paas.Controllers.Apps;
using Paas.Controllers.Formations;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Formations;

/// <summary>When the Formation reconciler writes a status that says dynos are not ready yet, driven through its caches directly.</summary>
public class FormationReportTimingTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public FormationReportTimingTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Dynos_not_ready_wait_for_the_app_to_report_the_current_release_and_show_once_it_reports_rolling_out()
    {
        var caches = await CachesAsync();
        var (client, requests) = cluster.NewClient();
        var reconciler = new FormationReconciler(caches.Formations, caches.Apps, caches.Releases, caches.Deployments, client);

        var beforeApp = await reconciler.ReconcileAsync(caches.Key, CancellationToken.None);
        requests.Writes.Should().Be(0, "the App controller has not reported v1 yet");
        beforeApp.Outcome.Should().Be(ReconcileOutcome.Success, "the App's status change reconciles the Formation again");

        caches.Apps.Upsert(caches.App with { Status = AppReporting(WorkloadReasons.RollingOut) });
        var afterApp = await reconciler.ReconcileAsync(caches.Key, CancellationToken.None);

        afterApp.Outcome.Should().Be(ReconcileOutcome.Success);
        requests.Writes.Should().Be(1, "the App already held its rollout report for a window");
        var formation = await cluster.Client.GetAsync<Formation>("shop", caches.Key.Namespace!);
        formation.Status!.Conditions!.Single(c => c.Type == ConditionTypes.Ready).Message.Should().Be("Waiting for dynos of v1: web 0/1.");
    }

    [Fact]
    public async Task Dynos_not_ready_after_a_scale_change_are_held_for_the_window_and_written_without_one()
    {
        var caches = await CachesAsync();
        caches.Apps.Upsert(caches.App with { Status = AppReporting(WorkloadReasons.Ready) });
        var (client, requests) = cluster.NewClient();
        var settling = new FormationReconciler(caches.Formations, caches.Apps, caches.Releases, caches.Deployments, client);
        var immediate = new FormationReconciler(caches.Formations, caches.Apps, caches.Releases, caches.Deployments, client, settleWindow: TimeSpan.Zero);

        var held = await settling.ReconcileAsync(caches.Key, CancellationToken.None);
        var writesWhileHeld = requests.Writes;
        await immediate.ReconcileAsync(caches.Key, CancellationToken.None);

        held.Outcome.Should().Be(ReconcileOutcome.RequeueAfter);
        held.Delay.Should().BeGreaterThan(TimeSpan.Zero).And.BeLessThanOrEqualTo(TimeSpan.FromSeconds(1));
        writesWhileHeld.Should().Be(0);
        requests.Writes.Should().Be(1);
    }

    private static AppStatus AppReporting(string readyReason) => new()
    {
        CurrentRelease = 1,
        Conditions = [new Condition { Type = ConditionTypes.Ready, Status = readyReason == WorkloadReasons.Ready ? "True" : "False", Reason = readyReason, Message = "-" }],
    };

    /// <summary>App shop (no status yet) with v1 current and a Formation of one web dyno, whose Deployment does not exist yet.</summary>
    private async Task<Caches> CachesAsync()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        var formation = await cluster.Client.CreateAsync(new Formation
        {
            Metadata = new ObjectMeta { Name = "shop", Namespace = ns },
            Spec = new FormationSpec { App = "shop", Processes = new Dictionary<string, ProcessFormation> { ["web"] = new() { Quantity = 1 } } },
        });
        var release = new Release
        {
            Metadata = new ObjectMeta { Name = "shop-v1", Namespace = ns },
            Spec = new ReleaseSpec { App = "shop", Version = 1, Image = Cluster.Image, ProcessTypes = new Dictionary<string, string> { ["web"] = "bin/web" } },
            Status = new ReleaseStatus { Phase = ReleasePhases.Succeeded, Current = true },
        };
        var caches = new Caches(new ObjectKey(ns, "shop"), app, new IndexedStore<App>(), new IndexedStore<Release>(), new IndexedStore<Deployment>(), new IndexedStore<Formation>());
        ReleaseIndexes.AddTo(caches.Releases);
        caches.Apps.Upsert(app);
        caches.Releases.Upsert(release);
        caches.Formations.Upsert(formation);
        return caches;
    }

    private sealed record Caches(
        ObjectKey Key, App App, IndexedStore<App> Apps, IndexedStore<Release> Releases, IndexedStore<Deployment> Deployments, IndexedStore<Formation> Formations);
}
