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
        if (!ReferenceEquals(old, current))
        {
            Enqueue(old);
        }

        Enqueue(current);
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
