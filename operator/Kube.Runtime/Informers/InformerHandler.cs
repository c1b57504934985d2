namespace Kube.Runtime.Informers;

/// <summary>An <see cref="IInformerHandler{T}"/> made of delegates; any may be null to ignore that notification.</summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed class InformerHandler<T>(Action<T>? added = null, Action<T, T>? updated = null, Action<T>? deleted = null)
    : IInformerHandler<T>
{
    public void OnAdded(T obj) => added?.Invoke(obj);

    public void OnUpdated(T old, T current) => updated?.Invoke(old, current);

    public void OnDeleted(T obj) => deleted?.Invoke(obj);
}
