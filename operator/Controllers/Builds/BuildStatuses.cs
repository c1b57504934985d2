using Kube.Models;
using Paas.Controllers.Plumbing;
using Paas.Platform.Api;

namespace Paas.Controllers.Builds;

/// <summary>A Build's next status: the phase, its message, and its Succeeded and Ready conditions set to match.</summary>
internal static class BuildStatuses
{
    public static BuildStatus Pending(Build build, string reason, string message, DateTimeOffset now) =>
        With(build, BuildPhases.Pending, ConditionSet.Unknown, reason, message, now);

    public static BuildStatus Running(Build build, string message, DateTimeOffset now) =>
        With(build, BuildPhases.Running, ConditionSet.Unknown, ConditionReasons.BuildRunning, message, now);

    public static BuildStatus Succeeded(Build build, string message, DateTimeOffset now) =>
        With(build, BuildPhases.Succeeded, ConditionSet.True, ConditionReasons.BuildSucceeded, message, now);

    public static BuildStatus Failed(Build build, string reason, string message, DateTimeOffset now) =>
        With(build, BuildPhases.Failed, ConditionSet.False, reason, message, now) with
        {
            Reason = reason,
            Message = message,
            CompletedAt = build.Status?.CompletedAt ?? Seconds(now),
        };

    /// <summary>The API keeps times to the second; a finer one would read back different and look like a change.</summary>
    public static DateTimeOffset Seconds(DateTimeOffset time) => new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);

    private static BuildStatus With(Build build, string phase, string status, string reason, string message, DateTimeOffset now)
    {
        var generation = build.Metadata.Generation;
        IReadOnlyList<Condition>? conditions = build.Status?.Conditions;
        conditions = ConditionSet.Set(conditions, ConditionTypes.Succeeded, status, reason, message, generation, now);
        conditions = ConditionSet.Set(conditions, ConditionTypes.Ready, status, reason, message, generation, now);
        return (build.Status ?? new BuildStatus()) with { ObservedGeneration = generation, Phase = phase, Conditions = conditions, Reason = null, Message = message };
    }
}
