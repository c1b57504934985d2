using Kube.Models;

namespace Kube.Client;

/// <summary>
/// Typed access to the Kubernetes API. Failures arrive as <see cref="KubeApiException"/> subtypes
/// (NotFound, Conflict, ...); transient ones are retried inside the client before they surface.
/// </summary>
public interface IKubeClient
{
    Task<T> GetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>Like <see cref="GetAsync{T}"/>, but returns null when the object does not exist.</summary>
    Task<T?> TryGetAsync<T>(string name, string? @namespace, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>One page of a list; follow <see cref="ListMeta.Continue"/> for the next page.</summary>
    Task<KubeList<T>> ListAsync<T>(string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>
    /// A watch stream. It ends when the server closes it or the token is cancelled; an <c>ERROR</c> event
    /// is yielded as such (with <see cref="WatchEvent{T}.Error"/>) and callers relist on 410 Gone.
    /// </summary>
    /// <remarks>
    /// Cancellation throws <see cref="OperationCanceledException"/>; a connection cut mid-stream throws
    /// <see cref="IOException"/> or <see cref="HttpRequestException"/> (never a silent end); a line that is not a
    /// watch event throws <see cref="WatchStreamException"/>. Opening the watch may fail with <see cref="GoneException"/>.
    /// </remarks>
    IAsyncEnumerable<WatchEvent<T>> WatchAsync<T>(string? @namespace, WatchOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    Task<T> CreateAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>A full update (PUT); fails with Conflict when <c>metadata.resourceVersion</c> is stale.</summary>
    Task<T> ReplaceAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>A full update of the <c>status</c> subresource.</summary>
    Task<T> ReplaceStatusAsync<T>(T obj, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>Server-side apply: the object states exactly the fields this field manager owns.</summary>
    Task<T> ApplyAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>Server-side apply to the <c>status</c> subresource.</summary>
    Task<T> ApplyStatusAsync<T>(T obj, ApplyOptions options, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>A JSON merge patch (RFC 7386), e.g. to add a finalizer without rewriting the object.</summary>
    Task<T> MergePatchAsync<T>(string name, string? @namespace, System.Text.Json.Nodes.JsonNode patch, string? subresource = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;

    /// <summary>Deletes; a missing object is not an error when <paramref name="options"/> says so.</summary>
    Task DeleteAsync<T>(string name, string? @namespace, DeleteOptions? options = null, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>;
}
