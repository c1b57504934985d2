using System.Text.Json.Nodes;
using Kube.Models;
using Kube.Testing.Kubelet;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using static Paas.Controllers.Tests.Releases.ReleaseTestOperator;

namespace Paas.Controllers.Tests.Releases;

public class ReleaseControllerTests : IClassFixture<Cluster>
{
    private static readonly Dictionary<string, string> Web = new() { ["web"] = "bin/web" };
    private static readonly Dictionary<string, string> WebAndRelease = new() { ["web"] = "bin/web", ["release"] = "bin/migrate" };
    private readonly Cluster cluster;

    public ReleaseControllerTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task A_release_without_release_phase_becomes_current()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var running = await StartAsync(cluster, ns);

        var v1 = await WaitForReleaseAsync(cluster.Client, ns, 1, r => r.Status?.Current == true, "is current");

        v1.Status!.Phase.Should().Be(ReleasePhases.Succeeded);
        v1.Status.ObservedGeneration.Should().Be(v1.Metadata.Generation);
        v1.Status.Conditions.Should().Contain(c => c.Type == ConditionTypes.Released && c.Status == "True" && c.ObservedGeneration == v1.Metadata.Generation)
            .And.Contain(c => c.Type == ConditionTypes.Ready && c.Status == "True");
        v1.Status.ReleasePhaseJob.Should().BeNull();
        (await cluster.Client.ListAsync<Job>(ns)).Items.Should().BeEmpty("a Release without a release process type runs no Job");
    }

    [Fact]
    public async Task A_completed_release_phase_job_makes_the_release_succeeded_and_current()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var running = await StartAsync(cluster, ns);
        await WaitForReleaseAsync(cluster.Client, ns, 1, r => r.Status?.Current == true, "is current");

        await CreateReleaseAsync(cluster.Client, ns, 2, WebAndRelease);

        var v2 = await WaitForReleaseAsync(cluster.Client, ns, 2, r => r.Status?.Current == true, "is current");
        v2.Status!.Phase.Should().Be(ReleasePhases.Succeeded);
        v2.Status.ReleasePhaseJob.Should().Be("shop-release-v2");
        var job = await cluster.Client.GetAsync<Job>("shop-release-v2", ns);
        job.Spec!.ActiveDeadlineSeconds.Should().Be(3600);
        job.Spec.BackoffLimit.Should().Be(0);
        job.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "Release" && o.Name == "shop-v2" && o.Uid == v2.Metadata.Uid && o.Controller == true);
        job.Spec.Template.Spec.Containers.Should().ContainSingle().Which.Image.Should().Be(Cluster.Image);
        await WaitForReleaseAsync(cluster.Client, ns, 1, r => r.Status?.Current == false, "is no longer current");
    }

    [Fact]
    public async Task A_failed_release_phase_fails_the_release_with_the_reason_and_the_previous_release_keeps_serving()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns, JobVerdict = _ => JobVerdict.Fail });
        await using var running = await StartAsync(cluster, ns);
        await WaitForReleaseAsync(cluster.Client, ns, 1, r => r.Status?.Current == true, "is current");

        await CreateReleaseAsync(cluster.Client, ns, 2, WebAndRelease);

        var v2 = await WaitForReleaseAsync(cluster.Client, ns, 2, r => r.Status?.Phase == ReleasePhases.Failed, "failed");
        v2.Status!.Reason.Should().Be(ConditionReasons.ReleasePhaseFailed);
        v2.Status.Current.Should().BeFalse();
        v2.Status.Message.Should().Contain("Job shop-release-v2").And.Contain("BackoffLimitExceeded")
            .And.Contain($"kubectl logs -n {ns} job/shop-release-v2").And.Contain("v1 keeps serving");
        v2.Status.Conditions.Should().Contain(c => c.Type == ConditionTypes.Ready && c.Status == "False" && c.Reason == ConditionReasons.ReleasePhaseFailed);
        (await cluster.Client.GetAsync<Release>("shop-v1", ns)).Status!.Current.Should().BeTrue();
    }

    [Fact]
    public async Task Of_two_quick_releases_the_older_is_superseded_and_the_newer_goes_live()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await CreateReleaseAsync(cluster.Client, ns, 2, Web);
        await CreateReleaseAsync(cluster.Client, ns, 3, Web);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });

        await using var running = await StartAsync(cluster, ns);

        await WaitForReleaseAsync(cluster.Client, ns, 3, r => r.Status?.Current == true, "is current");
        foreach (var version in new[] { 1, 2 })
        {
            var older = await WaitForReleaseAsync(cluster.Client, ns, version, r => r.Status?.Phase == ReleasePhases.Failed, "is superseded");
            older.Status!.Reason.Should().Be(ConditionReasons.Superseded);
            older.Status.Message.Should().Be($"v{version} was superseded by v3 before it went live.");
            older.Status.Current.Should().BeFalse();
        }
    }

    [Fact]
    public async Task Rollback_by_annotation_creates_rollback_to_v1_once_and_it_becomes_current()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var running = await StartAsync(cluster, ns);
        await WaitForReleaseAsync(cluster.Client, ns, 1, r => r.Status?.Current == true, "is current");
        const string imageTwo = "registry.example/shop@sha256:2222222222222222222222222222222222222222222222222222222222222222";
        await CreateReleaseAsync(cluster.Client, ns, 2, new Dictionary<string, string> { ["web"] = "bin/web2", ["worker"] = "bin/work" }, imageTwo);
        await WaitForReleaseAsync(cluster.Client, ns, 2, r => r.Status?.Current == true, "is current");
        var v1 = await cluster.Client.GetAsync<Release>("shop-v1", ns);

        await RequestRollbackAsync(ns, "1");

        var v3 = await WaitForReleaseAsync(cluster.Client, ns, 3, r => r.Status?.Current == true, "is current");
        v3.Spec.Description.Should().Be("Rollback to v1");
        v3.Spec.RollbackOf.Should().Be(1);
        v3.Spec.Image.Should().Be(v1.Spec.Image);
        v3.Spec.ProcessTypes.Should().BeEquivalentTo(v1.Spec.ProcessTypes);
        v3.Spec.Config.Should().Be(v1.Spec.Config);
        await WaitForAnnotationRemovedAsync(ns);

        // A GitOps tool applying the same annotation again, or a crash before its removal, must not roll back twice.
        await RequestRollbackAsync(ns, "1");
        await WaitForAnnotationRemovedAsync(ns);
        (await cluster.Client.ListAsync<Release>(ns)).Items.Select(r => r.Spec.Version).Should().BeEquivalentTo([1, 2, 3]);
    }

    [Fact]
    public async Task A_rollback_release_written_by_hand_goes_live_like_any_release()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns });
        await using var running = await StartAsync(cluster, ns);
        await CreateReleaseAsync(cluster.Client, ns, 2, WebAndRelease);
        await WaitForReleaseAsync(cluster.Client, ns, 2, r => r.Status?.Current == true, "is current");
        var v1 = await cluster.Client.GetAsync<Release>("shop-v1", ns);

        await cluster.Client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = "shop-v3", Namespace = ns },
            Spec = v1.Spec with { Version = 3, Description = "Rollback to v1", RollbackOf = 1 },
        });

        await WaitForReleaseAsync(cluster.Client, ns, 3, r => r.Status?.Current == true, "is current");
        await Eventually.TrueAsync(async () => (await cluster.Client.GetAsync<App>("shop", ns)).Status?.CurrentRelease == 3, "the App reports v3 as current");
        (await cluster.Client.GetAsync<Release>("shop-v2", ns)).Status!.Current.Should().BeFalse();
    }

    [Fact]
    public async Task A_rollback_to_a_missing_version_names_the_versions_there_are_and_keeps_the_request()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        await using var running = await StartAsync(cluster, ns);

        await RequestRollbackAsync(ns, "7");

        await Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<App>("shop", ns)).Status?.Conditions?.Any(c =>
                c.Type == ConditionTypes.Released && c.Status == "False" && c.Reason == ConditionReasons.InvalidSpec
                && c.Message!.Contains("paas.dev/rollback-to", StringComparison.Ordinal)
                && c.Message.Contains("v7 is not a Release of App shop; it has v1", StringComparison.Ordinal)) == true,
            "the App's Released condition names the bad version and the versions there are");
        (await cluster.Client.GetAsync<App>("shop", ns)).Metadata.Annotations.Should().Contain(PaasAnnotations.RollbackTo, "7");
        (await cluster.Client.ListAsync<Release>(ns)).Items.Should().ContainSingle();
    }

    [Fact]
    public async Task An_operator_restart_during_a_release_phase_converges_without_a_second_job_or_release()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppWithFirstReleaseAsync(ns);
        var verdict = JobVerdict.Running;
        await using var kubelet = TestKubelet.Start(cluster.Client, new TestKubeletOptions { Namespace = ns, JobVerdict = _ => verdict });
        var first = await StartAsync(cluster, ns);
        await WaitForReleaseAsync(cluster.Client, ns, 1, r => r.Status?.Current == true, "is current");
        await CreateReleaseAsync(cluster.Client, ns, 2, WebAndRelease);
        await WaitForReleaseAsync(cluster.Client, ns, 2, r => r.Status?.Phase == ReleasePhases.Releasing, "is releasing");
        var job = await cluster.Client.GetAsync<Job>("shop-release-v2", ns);

        await first.DisposeAsync();
        await using var second = await StartAsync(cluster, ns);
        await Eventually.TrueAsync(() => second.Host.HasSynced, "the restarted operator's caches synced");
        verdict = JobVerdict.Complete;
        await PokeAsync(cluster.Client, ns, "shop-release-v2");

        await WaitForReleaseAsync(cluster.Client, ns, 2, r => r.Status?.Current == true, "is current after the restart");
        var jobs = (await cluster.Client.ListAsync<Job>(ns)).Items;
        jobs.Should().ContainSingle().Which.Metadata.Uid.Should().Be(job.Metadata.Uid, "the restarted operator adopted the running Job");
        (await cluster.Client.ListAsync<Release>(ns)).Items.Select(r => r.Spec.Version).Should().BeEquivalentTo([1, 2]);
        (await cluster.Client.GetAsync<Release>("shop-v1", ns)).Status!.Current.Should().BeFalse();
    }

    private Task RequestRollbackAsync(string ns, string version) =>
        cluster.Client.MergePatchAsync<App>("shop", ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["annotations"] = new JsonObject { [PaasAnnotations.RollbackTo] = version } },
        });

    private Task WaitForAnnotationRemovedAsync(string ns) =>
        Eventually.TrueAsync(
            async () => (await cluster.Client.GetAsync<App>("shop", ns)).Metadata.Annotations?.ContainsKey(PaasAnnotations.RollbackTo) != true,
            "the rollback request is removed from the App");
}
