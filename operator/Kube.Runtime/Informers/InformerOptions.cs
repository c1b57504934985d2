namespace Kube.Runtime.Informers;

/// <summary>What an informer watches and how.</summary>
public sealed record InformerOptions
{
    /// <summary>Watch one namespace; null watches all namespaces (and cluster-scoped kinds).</summary>
    public string? Namespace { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Objects per list page; the informer follows <c>continue</c> tokens until the list is complete.</summary>
    public int PageSize { get; init; } = 500;

    /// <summary>Re-deliver every cached object as an update this often (plus up to 10% jitter); null turns resync off.</summary>
    public TimeSpan? ResyncPeriod { get; init; }

    /// <summary>The server ends each watch after a random time in this range, so reconnects of many clients spread out.</summary>
    public TimeSpan MinWatchTimeout { get; init; } = TimeSpan.FromSeconds(300);

    public TimeSpan MaxWatchTimeout { get; init; } = TimeSpan.FromSeconds(600);

    /// <summary>A watch still open this long past its server timeout is taken for a dead connection and reopened.</summary>
    public TimeSpan StuckWatchGrace { get; init; } = TimeSpan.FromMinutes(1);
}
