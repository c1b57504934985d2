using Kube.Runtime.Cache;
using Kube.Runtime.Informers;
using Kube.Runtime.Queue;

namespace Kube.Runtime.Controllers;

/// <summary>Turns every informer notification into keys on a work queue, and nothing else: it must stay cheap.</summary>
internal sealed class EnqueueHandler<T>(WorkQueue<ObjectKey> queue, Func<T, IEnumerable<ObjectKey>> keysOf) : IInformerHandler<T>
{
    public void OnAdded(T obj) => Enqueue(obj);

    public void OnUpdated(T old, T current)
    {
        // Both: when an owner reference or a mapped field changes, the previous target must hear about it too.
        // Distinct: a key added twice could land once while its first add is already being processed.
        var keys = ReferenceEquals(old, current) ? keysOf(current) : keysOf(old).Concat(keysOf(current)).Distinct();
        foreach (var key in keys)
        {
            queue.Add(key);
        }
    }

    public void OnDeleted(T obj) => Enqueue(obj);

    private void Enqueue(T obj)
    {
        foreach (var key in keysOf(obj))
        {
            queue.Add(key);
        }
    }
}
