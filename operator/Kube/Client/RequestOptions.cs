namespace Kube.Client;

/// <summary>Filters and paging for a list call.</summary>
public sealed record ListOptions
{
    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    /// <summary>Page size; the server returns a continue token when more remain.</summary>
    public int? Limit { get; init; }

    public string? Continue { get; init; }

    public string? ResourceVersion { get; init; }

    /// <summary><c>NotOlderThan</c> or <c>Exact</c>: how <see cref="ResourceVersion"/> is matched.</summary>
    public string? ResourceVersionMatch { get; init; }
}

/// <summary>Where a watch starts and how long the server keeps it open.</summary>
public sealed record WatchOptions
{
    public string? ResourceVersion { get; init; }

    public string? LabelSelector { get; init; }

    public string? FieldSelector { get; init; }

    public bool AllowWatchBookmarks { get; init; } = true;

    /// <summary>Asks the server to end the stream cleanly after this long.</summary>
    public TimeSpan? Timeout { get; init; }
}

/// <summary>Server-side apply settings.</summary>
/// <param name="FieldManager">Who owns the applied fields, e.g. <c>paas-operator</c>.</param>
/// <param name="Force">Take fields from other managers instead of failing with a conflict.</param>
public sealed record ApplyOptions(string FieldManager, bool Force = false)
{
    /// <summary>Ask the server to validate and answer without persisting.</summary>
    public bool DryRun { get; init; }
}

/// <summary>How a delete cascades to dependents.</summary>
public enum PropagationPolicy
{
    Background,
    Foreground,
    Orphan,
}

/// <summary>Delete settings.</summary>
public sealed record DeleteOptions
{
    public PropagationPolicy? PropagationPolicy { get; init; }

    /// <summary>Only delete if the object still has this uid.</summary>
    public string? PreconditionUid { get; init; }

    public long? GracePeriodSeconds { get; init; }

    /// <summary>Treat a missing object as success.</summary>
    public bool IgnoreNotFound { get; init; }

    /// <summary>Ask the server to validate and answer without deleting.</summary>
    public bool DryRun { get; init; }
}
