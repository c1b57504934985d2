namespace Kube.Runtime.Controllers;

/// <summary>What a reconcile asks the controller to do next; see <see cref="IReconciler"/> for the three outcomes.</summary>
public sealed record ReconcileResult
{
    private ReconcileResult(ReconcileOutcome outcome, TimeSpan? delay, string? reason)
    {
        Outcome = outcome;
        Delay = delay;
        Reason = reason;
    }

    /// <summary>The object is as desired; forget its failure history.</summary>
    public static ReconcileResult Success { get; } = new(ReconcileOutcome.Success, null, null);

    public ReconcileOutcome Outcome { get; }

    /// <summary>Set for <see cref="ReconcileOutcome.RequeueAfter"/>.</summary>
    public TimeSpan? Delay { get; }

    /// <summary>Why a <see cref="ReconcileOutcome.Failure"/> happened, for the log.</summary>
    public string? Reason { get; }

    /// <summary>Something went wrong that a retry may fix; the key is requeued with rate-limited backoff.</summary>
    public static ReconcileResult Failure(string reason) => new(ReconcileOutcome.Failure, null, reason);

    /// <summary>Done for now, but look again after <paramref name="delay"/>, e.g. to poll a build; failures are forgotten.</summary>
    public static ReconcileResult RequeueAfter(TimeSpan delay)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(delay, TimeSpan.Zero);
        return new(ReconcileOutcome.RequeueAfter, delay, null);
    }
}
