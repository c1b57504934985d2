namespace Kube.Runtime.Informers;

/// <summary>
/// Receives an informer's notifications. Calls arrive on the handler's own dispatch loop, one at a time and in order;
/// keep them cheap (enqueue a key), because a slow handler delays only itself but its backlog grows in memory.
/// </summary>
/// <typeparam name="T">The object type.</typeparam>
public interface IInformerHandler<in T>
{
    void OnAdded(T obj);

    /// <summary>A change, or a periodic resync (then <paramref name="old"/> and <paramref name="current"/> are the same object).</summary>
    void OnUpdated(T old, T current);

    /// <summary>The object's last known state; after a relist it may be older than the deletion itself.</summary>
    void OnDeleted(T obj);
}
