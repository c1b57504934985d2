using System.Globalization;
using Paas.Controllers.Plumbing;
using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Controllers.Apps;

/// <summary>
/// The build part of an App's status: <c>latestBuild</c> and the <c>Building</c> condition, both from the App's newest
/// Build, so <c>kubectl get papp</c> tells whether a deploy is on its way and why the last one failed.
/// </summary>
public static class AppBuildStatus
{
    /// <summary><paramref name="status"/> with the newest of <paramref name="builds"/> (the App's Builds) reported; unchanged when there are none.</summary>
    public static AppStatus ApplyTo(AppStatus status, IEnumerable<Build> builds, long? generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        ArgumentNullException.ThrowIfNull(builds);
        var newest = builds
            .OrderBy(build => build.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue)
            .ThenBy(build => build.Metadata.Name, StringComparer.Ordinal)
            .LastOrDefault();
        if (newest is null)
        {
            return status;
        }

        var (state, reason, message) = Verdict(newest);
        return status with
        {
            LatestBuild = newest.Metadata.Name,
            Conditions = ConditionSet.Set(status.Conditions, ConditionTypes.Building, state, reason, message, generation, now),
        };
    }

    private static (string State, string Reason, string Message) Verdict(Build build)
    {
        var name = build.Metadata.Name;
        var result = build.Status;
        return result?.Phase switch
        {
            BuildPhases.Running => (ConditionSet.True, ConditionReasons.BuildRunning, $"Build {name} is running; its log: kubectl logs -n {build.Metadata.Namespace} {result.PodName ?? "job/" + result.JobName} --all-containers."),
            BuildPhases.Succeeded when result.Release is { } version => (ConditionSet.False, ConditionReasons.BuildSucceeded,
                string.Create(CultureInfo.InvariantCulture, $"Build {name} succeeded and created v{version}.")),
            BuildPhases.Succeeded => (ConditionSet.False, ConditionReasons.BuildSucceeded, $"Build {name} succeeded."),
            BuildPhases.Failed when result.Reason == BuildFailureReasons.TimedOut => (ConditionSet.False, ConditionReasons.BuildTimedOut, $"Build {name} timed out: {result.Message}"),
            BuildPhases.Failed => (ConditionSet.False, ConditionReasons.BuildFailed, $"Build {name} failed ({result.Reason}): {result.Message}"),
            _ => (ConditionSet.True, ConditionReasons.BuildPending, $"Build {name} is waiting to start."),
        };
    }
}
