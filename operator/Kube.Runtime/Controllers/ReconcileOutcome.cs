namespace Kube.Runtime.Controllers;

/// <summary>The three ways a reconcile can end.</summary>
public enum ReconcileOutcome
{
    Success,
    Failure,
    RequeueAfter,
}
