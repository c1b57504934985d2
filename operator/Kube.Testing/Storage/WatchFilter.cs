using Kube.Testing.Selectors;

namespace Kube.Testing.Storage;

/// <summary>Which objects a list or watch sees: a namespace (null for all) and label and field selectors.</summary>
internal sealed record WatchFilter(string? Namespace, LabelSelector Labels, FieldSelector Fields)
{
    public bool Matches(StoredObject obj) =>
        (Namespace is null || obj.Namespace == Namespace) && Labels.Matches(obj.Labels) && Fields.Matches(obj);

    /// <summary>
    /// Translates a change into what this watcher sees: an object that starts matching is ADDED to it,
    /// one that stops matching is DELETED from it, and changes it never sees are dropped (null).
    /// </summary>
    public WatchEvent? Translate(WatchEvent change)
    {
        var now = Matches(change.Object);
        if (change.Type != WatchEvent.Modified)
            return now ? change : null;
        var before = change.Previous is not null && Matches(change.Previous);
        return (before, now) switch
        {
            (true, true) => change,
            (false, true) => change with { Type = WatchEvent.Added },
            (true, false) => change with { Type = WatchEvent.Deleted },
            _ => null,
        };
    }
}
