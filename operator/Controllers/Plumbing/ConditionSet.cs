using Kube.Models;

namespace Paas.Controllers.Plumbing;

/// <summary>Sets standard conditions the way Kubernetes expects: observedGeneration always, lastTransitionTime only when the status flips.</summary>
public static class ConditionSet
{
    public const string True = "True";
    public const string False = "False";
    public const string Unknown = "Unknown";

    /// <summary>
    /// <paramref name="conditions"/> with <paramref name="type"/> set; the existing lastTransitionTime is kept when the
    /// status is unchanged, so rewriting the same verdict does not look like a transition.
    /// </summary>
    public static IReadOnlyList<Condition> Set(
        IReadOnlyList<Condition>? conditions,
        string type,
        string status,
        string reason,
        string message,
        long? observedGeneration,
        DateTimeOffset now)
    {
        var existing = conditions?.FirstOrDefault(condition => condition.Type == type);
        var next = new Condition
        {
            Type = type,
            Status = status,
            Reason = reason,
            Message = message,
            ObservedGeneration = observedGeneration,
            LastTransitionTime = existing is not null && existing.Status == status && existing.LastTransitionTime is { } since
                ? since
                : TruncateToSeconds(now),
        };
        return [.. (conditions ?? []).Select(condition => condition.Type == type ? next : condition).Concat(existing is null ? [next] : [])];
    }

    public static Condition? Find(IReadOnlyList<Condition>? conditions, string type) =>
        conditions?.FirstOrDefault(condition => condition.Type == type);

    // The API serializes metav1.Time at second precision; a finer time would read back different and look like a change.
    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) =>
        new(time.Ticks - (time.Ticks % TimeSpan.TicksPerSecond), time.Offset);
}
