namespace Kube.Models;

/// <summary>One event of a watch stream: <c>ADDED</c>, <c>MODIFIED</c>, <c>DELETED</c>, <c>BOOKMARK</c> or <c>ERROR</c>.</summary>
/// <typeparam name="T">The object type.</typeparam>
public sealed record WatchEvent<T>
{
    public required string Type { get; init; }

    /// <summary>The object; for <c>ERROR</c> events the server sends a <see cref="Status"/> instead, see <see cref="Error"/>.</summary>
    public T? Object { get; init; }

    /// <summary>Set on <c>ERROR</c> events.</summary>
    public Status? Error { get; init; }

    /// <summary>
    /// The object's <c>metadata.resourceVersion</c>. A <c>BOOKMARK</c> carries nothing else (its object is only
    /// metadata, which need not fit <typeparamref name="T"/>), so for bookmarks this is set and <see cref="Object"/> is not.
    /// </summary>
    public string? ResourceVersion { get; init; }
}
