using Kube.Runtime.Cache;

namespace Kube.Runtime.Controllers;

/// <summary>
/// Drives one object toward its desired state. It is level-triggered: it receives only a key, reads the current
/// state itself (from the informer cache), and must be idempotent, because it runs for every change of the object or
/// of what it owns, after restarts and on resync, and never twice at once for the same key.
/// <para>The controller acts on the outcome:</para>
/// <list type="bullet">
/// <item>an exception, or <see cref="ReconcileResult.Failure"/>: the key is requeued with rate-limited backoff
/// (per key 5 ms doubling to 1000 s, overall 10 per second); the exception is logged and the worker carries on;</item>
/// <item><see cref="ReconcileResult.RequeueAfter"/>: the key's failure history is forgotten and it comes back after
/// the delay;</item>
/// <item><see cref="ReconcileResult.Success"/>: the failure history is forgotten; the key returns only when something
/// changes.</item>
/// </list>
/// A key whose object no longer exists is still reconciled once, so clean-up can run; return Success then.
/// </summary>
public interface IReconciler
{
    Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken);
}
