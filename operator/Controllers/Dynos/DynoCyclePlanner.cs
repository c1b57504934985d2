using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kube.Models;

namespace Paas.Controllers.Dynos;

/// <summary>
/// Heroku's daily dyno cycling as a pure decision: each dyno is due 24 hours after it started plus a delay of up to
/// 216 minutes drawn from its uid (the same after an operator restart, different between dynos started together),
/// and only one dyno of a process type restarts at a time.
/// </summary>
public static class DynoCyclePlanner
{
    /// <summary>Which pod of one process type to restart now, if any, and when to plan again.</summary>
    /// <param name="pods">The pods of one process type, as cached.</param>
    /// <param name="now">The current time.</param>
    /// <param name="settings">Period, jitter and recheck interval.</param>
    /// <param name="expectedDynos">Dynos the Deployment asks for: while fewer run, a replacement is still starting.</param>
    public static DynoCyclePlan Plan(IReadOnlyCollection<Pod> pods, DateTimeOffset now, DynoCycleSettings settings, int? expectedDynos = null)
    {
        ArgumentNullException.ThrowIfNull(pods);
        ArgumentNullException.ThrowIfNull(settings);

        // Finished pods (evicted, completed) are no dynos: they neither restart nor hold others back.
        var running = pods.Where(pod => pod.Status?.Phase is not ("Succeeded" or "Failed")).ToList();
        var next = running
            .Where(pod => pod.Metadata.CreationTimestamp is not null)
            .Select(pod => (Pod: pod, Deadline: Deadline(pod, settings)))
            .OrderBy(candidate => candidate.Deadline)
            .ThenBy(candidate => candidate.Pod.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();
        if (next.Pod is null)
        {
            return new DynoCyclePlan(null, null, "No dynos run.");
        }

        var name = next.Pod.Metadata.Name;
        if (next.Deadline > now)
        {
            return new DynoCyclePlan(null, next.Deadline - now, $"The next dyno to cycle, {name}, is due at {Format(next.Deadline)}.");
        }

        var busy = running
            .Where(pod => pod.Metadata.DeletionTimestamp is not null || !IsReady(pod))
            .Select(pod => pod.Metadata.Name)
            .Order(StringComparer.Ordinal)
            .ToList();
        if (busy.Count > 0)
        {
            return new DynoCyclePlan(null, settings.Recheck,
                $"{name} is due, but {string.Join(", ", busy)} {(busy.Count == 1 ? "is" : "are")} starting or stopping; dynos of a process type restart one at a time.");
        }

        if (expectedDynos is { } expected && running.Count < expected)
        {
            return new DynoCyclePlan(null, settings.Recheck,
                string.Create(CultureInfo.InvariantCulture, $"{name} is due, but only {running.Count} of {expected} dynos run; waiting for the rest to start."));
        }

        return new DynoCyclePlan(next.Pod, settings.Recheck,
            $"Cycling dyno {name}: it started at {Format(next.Pod.Metadata.CreationTimestamp!.Value)} and was due at {Format(next.Deadline)}.");
    }

    /// <summary>When <paramref name="pod"/> is due: its creation plus the period plus its own jitter.</summary>
    public static DateTimeOffset Deadline(Pod pod, DynoCycleSettings settings)
    {
        ArgumentNullException.ThrowIfNull(pod);
        ArgumentNullException.ThrowIfNull(settings);
        var created = pod.Metadata.CreationTimestamp
            ?? throw new ArgumentException($"Pod {pod.Metadata.Name} has no metadata.creationTimestamp; read it from the API server.", nameof(pod));
        return created + settings.Period + Jitter(pod.Metadata.Uid ?? pod.Metadata.Name ?? string.Empty, settings.MaxJitter);
    }

    /// <summary>A delay from zero to <paramref name="max"/> in whole seconds, the same for the same <paramref name="identity"/>, spread evenly over identities.</summary>
    public static TimeSpan Jitter(string identity, TimeSpan max)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var seconds = (ulong)Math.Max(0, max.Ticks / TimeSpan.TicksPerSecond);
        var hash = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        return TimeSpan.FromSeconds((long)(hash % (seconds + 1)));
    }

    /// <summary>Whether the pod's Ready condition is True.</summary>
    public static bool IsReady(Pod pod) =>
        pod?.Status?.Conditions?.Any(condition => condition.Type == "Ready" && condition.Status == "True") == true;

    private static string Format(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
