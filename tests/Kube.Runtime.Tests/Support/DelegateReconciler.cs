using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;

namespace Kube.Runtime.Tests.Support;

/// <summary>A reconciler made of a delegate that also records every key it was called with.</summary>
internal sealed class DelegateReconciler(Func<ObjectKey, CancellationToken, Task<ReconcileResult>> reconcile) : IReconciler
{
    private readonly Lock sync = new();
    private readonly List<ObjectKey> calls = [];

    public IReadOnlyList<ObjectKey> Calls
    {
        get
        {
            lock (sync)
            {
                return [.. calls];
            }
        }
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        lock (sync)
        {
            calls.Add(key);
        }

        return await reconcile(key, cancellationToken);
    }
}
