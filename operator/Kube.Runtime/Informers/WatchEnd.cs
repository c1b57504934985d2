namespace Kube.Runtime.Informers;

/// <summary>How one watch stream ended, which decides what the informer does next.</summary>
internal enum WatchEnd
{
    /// <summary>The server ended the stream cleanly, usually at its timeout.</summary>
    Closed,

    /// <summary>410: the resourceVersion is too old; relist at once.</summary>
    Expired,

    /// <summary>Any other ERROR event; relist after a backoff.</summary>
    ServerError,
}
