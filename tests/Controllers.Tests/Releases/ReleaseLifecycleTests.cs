using Kube.Models;
using Kube.Runtime.Events;
using Paas.Controllers.Releases;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Releases;

public class ReleaseLifecycleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 8, 0, 0, TimeSpan.Zero);
    private static readonly Dictionary<string, Job> NoJobs = [];

    [Fact]
    public void A_release_without_release_phase_succeeds_and_becomes_current()
    {
        var decision = ReleaseLifecycle.Decide([Release(1)], NoJobs, Now);

        var update = decision.Updates.Should().ContainSingle().Subject;
        update.Status.Phase.Should().Be(ReleasePhases.Succeeded);
        update.Status.Current.Should().BeTrue();
        update.Status.Message.Should().Be("v1 has no release phase.");
        update.Status.Conditions.Should().Contain(c => c.Type == ConditionTypes.Released && c.Status == "True" && c.ObservedGeneration == 1)
            .And.Contain(c => c.Type == ConditionTypes.Ready && c.Status == "True");
        update.Notices.Select(n => n.Reason).Should().Equal(ReleaseEventReasons.ReleaseSucceeded, ReleaseEventReasons.ReleaseCurrent);
        decision.StartReleasePhase.Should().BeEmpty();
    }

    [Fact]
    public void A_release_with_release_phase_starts_its_job_and_is_not_current_yet()
    {
        var v1 = Settled(Release(1));
        var v2 = Release(2, withReleasePhase: true);

        var decision = ReleaseLifecycle.Decide([v1, v2], NoJobs, Now);

        decision.StartReleasePhase.Should().ContainSingle().Which.Should().BeSameAs(v2);
        var update = decision.Updates.Should().ContainSingle().Subject;
        update.Release.Should().BeSameAs(v2);
        update.Status.Phase.Should().Be(ReleasePhases.Releasing);
        update.Status.ReleasePhaseJob.Should().Be("shop-release-v2");
        update.Status.Current.Should().BeFalse();
        update.Notices.Select(n => n.Reason).Should().Equal(ReleaseEventReasons.ReleasePhaseStarted);
    }

    [Fact]
    public void A_completed_release_phase_makes_the_release_current_and_the_previous_one_not()
    {
        var v1 = Settled(Release(1));
        var v2 = Releasing(Release(2, withReleasePhase: true));

        var decision = ReleaseLifecycle.Decide([v1, v2], Jobs(Job("shop-release-v2", "Complete")), Now);

        decision.Updates.Select(u => (u.Release.Spec.Version, u.Status.Phase, u.Status.Current))
            .Should().Equal((2, ReleasePhases.Succeeded, true), (1, ReleasePhases.Succeeded, false));
        decision.Updates[0].Notices.Select(n => n.Reason).Should().Equal(ReleaseEventReasons.ReleaseSucceeded, ReleaseEventReasons.ReleaseCurrent);
        decision.Updates[1].Notices.Should().BeEmpty();
    }

    [Fact]
    public void A_failed_release_phase_fails_the_release_with_job_reason_and_log_command_and_keeps_the_previous_current()
    {
        var v1 = Settled(Release(1));
        var v2 = Releasing(Release(2, withReleasePhase: true));

        var decision = ReleaseLifecycle.Decide([v1, v2], Jobs(Job("shop-release-v2", "Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit")), Now);

        var update = decision.Updates.Should().ContainSingle().Subject;
        update.Release.Should().BeSameAs(v2);
        update.Status.Phase.Should().Be(ReleasePhases.Failed);
        update.Status.Reason.Should().Be(ConditionReasons.ReleasePhaseFailed);
        update.Status.Current.Should().BeFalse();
        update.Status.Message.Should().Contain("Job shop-release-v2")
            .And.Contain("BackoffLimitExceeded: Job has reached the specified backoff limit")
            .And.Contain("`kubectl logs -n team job/shop-release-v2`")
            .And.EndWith("v1 keeps serving.");
        update.Notices.Should().ContainSingle(n => n.Reason == ReleaseEventReasons.ReleaseFailed && n.Type == EventType.Warning && n.AlsoOnApp);
    }

    [Fact]
    public void A_release_phase_past_its_hour_fails_with_deadline_exceeded()
    {
        var v1 = Releasing(Release(1, withReleasePhase: true));
        var job = Job("shop-release-v1", null) with { Status = new JobStatus { Active = 1, StartTime = Now.AddMinutes(-61) } };

        var decision = ReleaseLifecycle.Decide([v1], Jobs(job), Now);

        var update = decision.Updates.Should().ContainSingle().Subject;
        update.Status.Phase.Should().Be(ReleasePhases.Failed);
        update.Status.Message.Should().Contain("DeadlineExceeded").And.Contain("60 minutes").And.EndWith("No release is serving yet.");
        decision.RecheckAfter.Should().BeNull();
    }

    [Fact]
    public void A_running_release_phase_asks_to_be_looked_at_again_when_its_deadline_comes()
    {
        var v1 = Releasing(Release(1, withReleasePhase: true));
        var job = Job("shop-release-v1", null) with { Status = new JobStatus { Active = 1, StartTime = Now.AddMinutes(-20) } };

        var decision = ReleaseLifecycle.Decide([v1], Jobs(job), Now);

        decision.Updates.Should().BeEmpty();
        decision.StartReleasePhase.Should().BeEmpty();
        decision.RecheckAfter.Should().Be(TimeSpan.FromMinutes(40));
    }

    [Fact]
    public void Older_releases_that_never_started_are_superseded_by_the_newest()
    {
        var v1 = Settled(Release(1));

        var decision = ReleaseLifecycle.Decide([Release(3), v1, Release(2)], NoJobs, Now);

        var v2 = decision.Updates.Single(u => u.Release.Spec.Version == 2).Status;
        v2.Phase.Should().Be(ReleasePhases.Failed);
        v2.Reason.Should().Be(ConditionReasons.Superseded);
        v2.Message.Should().Be("v2 was superseded by v3 before it went live.");
        v2.Conditions.Should().Contain(c => c.Type == ConditionTypes.Released && c.Reason == ConditionReasons.Superseded && c.Status == "False");
        decision.Updates.Single(u => u.Release.Spec.Version == 3).Status.Current.Should().BeTrue();
        decision.Updates.Single(u => u.Release.Spec.Version == 1).Status.Current.Should().BeFalse();
    }

    [Fact]
    public void A_running_release_phase_is_not_cut_short_and_the_newer_release_waits()
    {
        var v1 = Settled(Release(1));
        var v2 = Releasing(Release(2, withReleasePhase: true));
        var v3 = Release(3, withReleasePhase: true);

        var decision = ReleaseLifecycle.Decide([v1, v2, v3], Jobs(Job("shop-release-v2", null)), Now);

        decision.StartReleasePhase.Should().BeEmpty();
        var update = decision.Updates.Should().ContainSingle().Subject;
        update.Release.Should().BeSameAs(v3);
        update.Status.Phase.Should().Be(ReleasePhases.Pending);
        update.Status.Message.Should().Be("v3 waits for the release phase of v2 (Job shop-release-v2) to finish.");
    }

    [Fact]
    public void A_job_found_for_a_pending_release_is_adopted_not_started_again()
    {
        var v1 = Release(1, withReleasePhase: true);

        var decision = ReleaseLifecycle.Decide([v1], Jobs(Job("shop-release-v1", null)), Now);

        decision.StartReleasePhase.Should().BeEmpty();
        decision.Updates.Should().ContainSingle().Which.Status.Phase.Should().Be(ReleasePhases.Releasing);
    }

    [Fact]
    public void A_releasing_release_whose_job_is_missing_applies_it_again()
    {
        var v1 = Releasing(Release(1, withReleasePhase: true));

        var decision = ReleaseLifecycle.Decide([v1], NoJobs, Now);

        decision.StartReleasePhase.Should().ContainSingle().Which.Should().BeSameAs(v1);
        decision.Updates.Should().BeEmpty();
    }

    [Fact]
    public void Deciding_again_on_the_decided_statuses_changes_nothing()
    {
        var releases = new List<Release> { Release(1), Release(2, withReleasePhase: true), Release(3), Release(4, withReleasePhase: true) };
        var jobs = Jobs(Job("shop-release-v4", "Failed", "BackoffLimitExceeded", "exit 1"));
        for (var round = 0; round < 3; round++)
        {
            var decision = ReleaseLifecycle.Decide(releases, jobs, Now.AddSeconds(round));
            releases = [.. releases.Select(r => decision.Updates.FirstOrDefault(u => u.Release == r) is { } u ? r with { Status = u.Status } : r)];
        }

        ReleaseLifecycle.Decide(releases, jobs, Now.AddMinutes(5)).Updates.Should().BeEmpty();
        releases.Select(r => (r.Status!.Phase, r.Status.Current)).Should().Equal(
            (ReleasePhases.Failed, false), (ReleasePhases.Failed, false), (ReleasePhases.Failed, false), (ReleasePhases.Failed, false));
        releases[3].Status!.Reason.Should().Be(ConditionReasons.ReleasePhaseFailed);
        releases[0].Status!.Reason.Should().Be(ConditionReasons.Superseded);
    }

    [Fact]
    public void The_newest_succeeded_release_is_current_even_when_an_older_one_claims_to_be()
    {
        var v1 = Settled(Release(1)) with { Status = Settled(Release(1)).Status! with { Current = true } };
        var v2 = Settled(Release(2)) with { Status = Settled(Release(2)).Status! with { Current = true } };

        var decision = ReleaseLifecycle.Decide([v1, v2], NoJobs, Now);

        var update = decision.Updates.Should().ContainSingle().Subject;
        update.Release.Should().BeSameAs(v1);
        update.Status.Current.Should().BeFalse();
    }

    private static Release Release(int version, bool withReleasePhase = false) => new()
    {
        Metadata = new ObjectMeta { Name = $"shop-v{version}", Namespace = "team", Generation = 1, Uid = $"uid-{version}" },
        Spec = new ReleaseSpec
        {
            App = "shop",
            Version = version,
            Image = "registry.example/shop@sha256:" + new string('1', 64),
            ProcessTypes = withReleasePhase
                ? new Dictionary<string, string> { ["web"] = "bin/web", ["release"] = "bin/migrate" }
                : new Dictionary<string, string> { ["web"] = "bin/web" },
            Description = $"Deploy {version}",
        },
    };

    /// <summary>The release as the lifecycle leaves it when it has settled on its own.</summary>
    private static Release Settled(Release release) =>
        release with { Status = ReleaseLifecycle.Decide([release], NoJobs, Now).Updates.Single().Status };

    private static Release Releasing(Release release) =>
        release with { Status = ReleaseLifecycle.Decide([release], NoJobs, Now).Updates.Single().Status };

    private static Job Job(string name, string? finished, string? reason = null, string? message = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "team", CreationTimestamp = Now.AddMinutes(-1) },
        Spec = new JobSpec { Template = new PodTemplateSpec { Spec = new PodSpec { Containers = [] } }, ActiveDeadlineSeconds = 3600 },
        Status = finished is null
            ? new JobStatus { Active = 1, StartTime = Now.AddMinutes(-1) }
            : new JobStatus { Conditions = [new JobCondition { Type = finished, Status = "True", Reason = reason, Message = message }] },
    };

    private static Dictionary<string, Job> Jobs(params Job[] jobs) => jobs.ToDictionary(job => job.Metadata.Name!);
}
