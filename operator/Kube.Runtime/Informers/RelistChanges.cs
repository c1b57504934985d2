using Kube.Models;
using Kube.Runtime.Cache;

namespace Kube.Runtime.Informers;

/// <summary>
/// What a relist tells handlers: new objects as added, objects whose resourceVersion changed as updated, and objects
/// that vanished while we were not watching as deleted (with their last known state).
/// </summary>
internal static class RelistChanges
{
    public static IEnumerable<Notification<T>> Between<T>(IReadOnlyDictionary<ObjectKey, T> previous, IReadOnlyList<T> current)
        where T : class, IKubernetesObject
    {
        var seen = new HashSet<ObjectKey>();
        foreach (var obj in current)
        {
            var key = ObjectKey.From(obj);
            seen.Add(key);
            var old = previous.GetValueOrDefault(key);
            if (old is null)
            {
                yield return new Notification<T>(NotificationKind.Added, null, obj);
            }
            else if (old.Metadata.ResourceVersion != obj.Metadata.ResourceVersion)
            {
                yield return new Notification<T>(NotificationKind.Updated, old, obj);
            }
        }

        foreach (var (key, old) in previous)
        {
            if (!seen.Contains(key))
            {
                yield return new Notification<T>(NotificationKind.Deleted, null, old);
            }
        }
    }
}
