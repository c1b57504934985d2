using Paas.Controllers.Plumbing;
using Paas.Platform.Api;

namespace Paas.Controllers.Apps;

/// <summary>What running an App's current Release found: where it is served, its dynos per process type and the Ready verdict.</summary>
/// <param name="Url">The first host of the web process with its scheme, or null when it has none.</param>
/// <param name="Processes">Desired and ready dynos per process type, or null when nothing runs.</param>
/// <param name="Status">The Ready condition's status.</param>
/// <param name="Reason">The Ready condition's reason.</param>
/// <param name="Message">The Ready condition's message.</param>
public sealed record WorkloadReport(string? Url, IReadOnlyDictionary<string, ProcessStatus>? Processes, string Status, string Reason, string Message)
{
    /// <summary>Why the reconcile should be retried with backoff, when something the API server refused may pass later.</summary>
    public string? Failure { get; init; }

    /// <summary><paramref name="status"/> with this report's url, processes and Ready condition.</summary>
    public AppStatus ApplyTo(AppStatus status, long? generation, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(status);
        return status with
        {
            Url = Url,
            Processes = Processes,
            Conditions = ConditionSet.Set(status.Conditions, ConditionTypes.Ready, Status, Reason, Message, generation, now),
        };
    }
}
