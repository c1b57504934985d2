using System.Globalization;
using Kube.Models;
using Kube.Runtime.Events;
using Paas.Controllers.Plumbing;
using Paas.Platform.Api;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Releases;

/// <summary>
/// Decides, as a pure function of one App's Releases and their release-phase Jobs, each Release's phase and which
/// one is current. The rules, Heroku's where it has one:
/// <list type="bullet">
/// <item>Only the newest Release that has not started goes live; older ones that never started are Failed with
/// reason Superseded (Heroku deploys the latest release, not every intermediate one).</item>
/// <item>A release phase that has started is never cut short by a newer Release: a migration is left to finish, and
/// the newer Release waits in Pending until it has, so two release phases of one App never run at once.</item>
/// <item>A <c>release</c> process type runs as a Job; its completion makes the Release Succeeded, its failure or its
/// one-hour deadline makes it Failed. Without one the Release is Succeeded at once.</item>
/// <item>The newest Succeeded Release is current; a newer Failed one leaves it serving.</item>
/// </list>
/// </summary>
public static class ReleaseLifecycle
{
    /// <param name="releases">The App's Releases, in any order.</param>
    /// <param name="jobs">The App's release-phase Jobs by name, as cached.</param>
    /// <param name="now">The time, for the deadline and condition transition times.</param>
    public static ReleaseLifecycleDecision Decide(IReadOnlyList<Release> releases, IReadOnlyDictionary<string, Job> jobs, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(jobs);
        var ordered = releases.OrderBy(release => release.Spec.Version).ToList();
        if (ordered.Count == 0)
        {
            return new ReleaseLifecycleDecision([], [], null);
        }

        var newest = ordered[^1];
        var verdicts = new Dictionary<int, Verdict>();
        var start = new List<Release>();
        TimeSpan? recheck = null;
        foreach (var release in ordered)
        {
            var live = release.Status;
            if (live?.Phase is ReleasePhases.Succeeded or ReleasePhases.Failed)
            {
                verdicts[release.Spec.Version] = new Verdict(live.Phase, live.Reason, live.Message ?? string.Empty, live.ReleasePhaseJob);
                continue;
            }

            var jobName = live?.ReleasePhaseJob ?? ReleasePhaseJob.Name(release.Spec.App, release.Spec.Version);
            var job = jobs.GetValueOrDefault(jobName);
            if (live?.Phase == ReleasePhases.Releasing && job is null && !HasReleasePhase(release))
            {
                // A status written by hand or by an older operator; there is nothing to run.
                verdicts[release.Spec.Version] = new Verdict(ReleasePhases.Succeeded, null, Invariant($"v{release.Spec.Version} has no release phase."), null);
            }
            else if (live?.Phase == ReleasePhases.Releasing || job is not null)
            {
                var (verdict, remaining) = Judge(release, jobName, job, now);
                verdicts[release.Spec.Version] = verdict;
                if (verdict.Phase == ReleasePhases.Releasing && job is null)
                {
                    // Not in the cache yet, or deleted while running: applying it again is harmless either way.
                    start.Add(release);
                }

                recheck = Earliest(recheck, remaining);
            }
            else if (release != newest)
            {
                verdicts[release.Spec.Version] = new Verdict(
                    ReleasePhases.Failed,
                    ConditionReasons.Superseded,
                    Invariant($"v{release.Spec.Version} was superseded by v{newest.Spec.Version} before it went live."),
                    null);
            }
        }

        if (!verdicts.ContainsKey(newest.Spec.Version))
        {
            verdicts[newest.Spec.Version] = StartNewest(newest, ordered, verdicts, start);
        }

        var current = ordered.LastOrDefault(release => verdicts[release.Spec.Version].Phase == ReleasePhases.Succeeded);
        var servingBefore = ordered.LastOrDefault(release => release.Status?.Current == true);
        var updates = new List<ReleaseUpdate>();
        foreach (var release in ordered)
        {
            var verdict = verdicts[release.Spec.Version];
            if (verdict.Phase == ReleasePhases.Failed && release.Status?.Phase != ReleasePhases.Failed && verdict.Reason == ConditionReasons.ReleasePhaseFailed)
            {
                verdict = verdict with { Message = verdict.Message + " " + Serving(servingBefore ?? current) };
            }

            var status = StatusOf(release, verdict, release == current, now);
            if (!SameStatus(release.Status, status))
            {
                updates.Add(new ReleaseUpdate(release, status, Notices(release, status)));
            }
        }

        // The new current Release is written first, so readers see two current ones for a moment rather than none.
        var ordering = updates.OrderByDescending(update => update.Status.Current == true).ToList();
        return new ReleaseLifecycleDecision(ordering, start, recheck);
    }

    private static Verdict StartNewest(Release newest, List<Release> ordered, Dictionary<int, Verdict> verdicts, List<Release> start)
    {
        var running = ordered.FirstOrDefault(release =>
            verdicts.TryGetValue(release.Spec.Version, out var verdict) && verdict.Phase == ReleasePhases.Releasing);
        if (running is not null)
        {
            var runningJob = verdicts[running.Spec.Version].Job;
            return new Verdict(
                ReleasePhases.Pending,
                null,
                Invariant($"v{newest.Spec.Version} waits for the release phase of v{running.Spec.Version} (Job {runningJob}) to finish."),
                null);
        }

        if (HasReleasePhase(newest))
        {
            var jobName = ReleasePhaseJob.Name(newest.Spec.App, newest.Spec.Version);
            start.Add(newest);
            return new Verdict(ReleasePhases.Releasing, null, Invariant($"Running the release command of v{newest.Spec.Version} in Job {jobName}."), jobName);
        }

        return new Verdict(ReleasePhases.Succeeded, null, Invariant($"v{newest.Spec.Version} has no release phase."), null);
    }

    /// <summary>The verdict on a started release phase, and the time left before its deadline while it runs.</summary>
    private static (Verdict Verdict, TimeSpan? Remaining) Judge(Release release, string jobName, Job? job, DateTimeOffset now)
    {
        var version = release.Spec.Version;
        var running = new Verdict(ReleasePhases.Releasing, null, Invariant($"Running the release command of v{version} in Job {jobName}."), jobName);
        if (job is null)
        {
            return (running, null);
        }

        var conditions = job.Status?.Conditions ?? [];
        if (conditions.Any(condition => condition is { Type: "Complete", Status: ConditionSet.True }))
        {
            return (new Verdict(ReleasePhases.Succeeded, null, Invariant($"The release command of v{version} completed in Job {jobName}."), jobName), null);
        }

        if (conditions.FirstOrDefault(condition => condition is { Type: "Failed", Status: ConditionSet.True }) is { } failed)
        {
            var why = Invariant($"{failed.Reason ?? "Failed"}: {failed.Message ?? "the release command exited with an error"}");
            return (Failure(release, jobName, why), null);
        }

        var deadline = TimeSpan.FromSeconds(job.Spec?.ActiveDeadlineSeconds ?? ReleasePhaseJob.TimeoutSeconds);
        if ((job.Status?.StartTime ?? job.Metadata.CreationTimestamp) is not { } started)
        {
            return (running, null);
        }

        var remaining = started + deadline - now;
        if (remaining <= TimeSpan.Zero)
        {
            var why = Invariant($"DeadlineExceeded: it ran longer than the release phase timeout of {deadline.TotalMinutes:0} minutes");
            return (Failure(release, jobName, why), null);
        }

        return (running, remaining);
    }

    private static bool HasReleasePhase(Release release) => release.Spec.ProcessTypes?.ContainsKey(ProcessTypes.Release) == true;

    private static Verdict Failure(Release release, string jobName, string why) => new(
        ReleasePhases.Failed,
        ConditionReasons.ReleasePhaseFailed,
        Invariant($"The release command of v{release.Spec.Version} failed in Job {jobName} ({why}); read its log with `kubectl logs -n {release.Metadata.Namespace} job/{jobName}`."),
        jobName);

    private static string Serving(Release? current) =>
        current is null ? "No release is serving yet." : Invariant($"v{current.Spec.Version} keeps serving.");

    private static ReleaseStatus StatusOf(Release release, Verdict verdict, bool current, DateTimeOffset now)
    {
        var generation = release.Metadata.Generation;
        var (state, reason) = verdict.Phase switch
        {
            ReleasePhases.Succeeded => (ConditionSet.True, ConditionReasons.ReleaseSucceeded),
            ReleasePhases.Failed => (ConditionSet.False, verdict.Reason ?? ConditionReasons.ReleasePhaseFailed),
            ReleasePhases.Releasing => (ConditionSet.False, ConditionReasons.ReleasePhaseRunning),
            _ => (ConditionSet.False, ConditionReasons.ReleasePending),
        };
        var conditions = ConditionSet.Set(release.Status?.Conditions, ConditionTypes.Released, state, reason, verdict.Message, generation, now);
        conditions = ConditionSet.Set(conditions, ConditionTypes.Ready, state, reason, verdict.Message, generation, now);
        return new ReleaseStatus
        {
            ObservedGeneration = generation,
            Conditions = conditions,
            Phase = verdict.Phase,
            Current = current,
            Reason = verdict.Phase == ReleasePhases.Failed ? verdict.Reason : null,
            Message = verdict.Message,
            ReleasePhaseJob = verdict.Job,
        };
    }

    private static List<ReleaseNotice> Notices(Release release, ReleaseStatus next)
    {
        var notices = new List<ReleaseNotice>();
        var before = release.Status;
        var version = release.Spec.Version;
        if (next.Phase != before?.Phase)
        {
            switch (next.Phase)
            {
                case ReleasePhases.Releasing:
                    notices.Add(new ReleaseNotice(EventType.Normal, ReleaseEventReasons.ReleasePhaseStarted, next.Message!));
                    break;
                case ReleasePhases.Succeeded:
                    notices.Add(new ReleaseNotice(EventType.Normal, ReleaseEventReasons.ReleaseSucceeded, next.Message!));
                    break;
                case ReleasePhases.Failed:
                    notices.Add(new ReleaseNotice(EventType.Warning, ReleaseEventReasons.ReleaseFailed, Invariant($"v{version}: {next.Message}"), AlsoOnApp: true));
                    break;
            }
        }

        if (next.Current == true && before?.Current != true)
        {
            notices.Add(new ReleaseNotice(EventType.Normal, ReleaseEventReasons.ReleaseCurrent, Invariant($"v{version} is current: {release.Spec.Description}"), AlsoOnApp: true));
        }

        return notices;
    }

    /// <summary>Equal in everything the controller states; lastTransitionTime is the StatusWriter's concern.</summary>
    private static bool SameStatus(ReleaseStatus? live, ReleaseStatus desired) =>
        live is not null
        && live.Phase == desired.Phase
        && live.Current == desired.Current
        && live.Reason == desired.Reason
        && live.Message == desired.Message
        && live.ReleasePhaseJob == desired.ReleasePhaseJob
        && live.ObservedGeneration == desired.ObservedGeneration
        && (live.Conditions?.Count ?? 0) == desired.Conditions!.Count
        && desired.Conditions.All(wanted => ConditionSet.Find(live.Conditions, wanted.Type) is { } have
            && have.Status == wanted.Status && have.Reason == wanted.Reason && have.Message == wanted.Message
            && have.ObservedGeneration == wanted.ObservedGeneration);

    private static TimeSpan? Earliest(TimeSpan? left, TimeSpan? right) =>
        (left, right) switch
        {
            (null, _) => right,
            (_, null) => left,
            _ => left < right ? left : right,
        };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>A Release's phase with its reason, message and Job, before it becomes a status.</summary>
    private sealed record Verdict(string Phase, string? Reason, string Message, string? Job);
}
