namespace Kube.Testing.Storage;

/// <summary>The recent changes of one resource, so a watch can resume from a resourceVersion; older ones are forgotten.</summary>
internal sealed class WatchHistory(int limit)
{
    private readonly Queue<WatchEvent> _events = new();

    /// <summary>Resource versions strictly below this can no longer be resumed from (410 Gone).</summary>
    public long Floor { get; private set; }

    public void Record(WatchEvent change)
    {
        _events.Enqueue(change);
        while (_events.Count > limit)
            Floor = _events.Dequeue().ResourceVersion;
    }

    public void Compact(long currentResourceVersion)
    {
        _events.Clear();
        Floor = Math.Max(Floor, currentResourceVersion);
    }

    /// <summary>Events after <paramref name="resourceVersion"/>, oldest first.</summary>
    public IEnumerable<WatchEvent> After(long resourceVersion) => _events.Where(e => e.ResourceVersion > resourceVersion);
}
