namespace Kube.Runtime.Informers;

/// <summary>What one watch stream has done so far, to tell a healthy stream from one that failed at once.</summary>
internal sealed class WatchProgress
{
    public DateTimeOffset StartedAt { get; set; }

    public int Events { get; set; }
}
