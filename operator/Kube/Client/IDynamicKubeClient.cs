using System.Text.Json.Nodes;
using Kube.Models;

namespace Kube.Client;

/// <summary>
/// Kubernetes API access for resources known only at run time (CRDs installed from YAML, generic tooling): objects are
/// JSON objects, the resource is named by a <see cref="ResourceType"/>. Errors are the same typed exceptions as
/// <see cref="IKubeClient"/>'s.
/// </summary>
public interface IDynamicKubeClient
{
    Task<JsonObject> GetAsync(ResourceType type, string name, string? @namespace, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="GetAsync"/>, but returns null when the object does not exist.</summary>
    Task<JsonObject?> TryGetAsync(ResourceType type, string name, string? @namespace, CancellationToken cancellationToken = default);

    /// <summary>One page of a list: the list object with <c>items</c> and <c>metadata.continue</c>.</summary>
    Task<JsonObject> ListAsync(ResourceType type, string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default);

    IAsyncEnumerable<WatchEvent<JsonObject>> WatchAsync(ResourceType type, string? @namespace, WatchOptions options, CancellationToken cancellationToken = default);

    /// <summary>Creates in <c>metadata.namespace</c>; apiVersion and kind are filled from <paramref name="type"/> when missing.</summary>
    Task<JsonObject> CreateAsync(ResourceType type, JsonObject obj, CancellationToken cancellationToken = default);

    Task<JsonObject> ReplaceAsync(ResourceType type, JsonObject obj, CancellationToken cancellationToken = default);

    /// <summary>Server-side apply of <paramref name="obj"/>, or of its status when <paramref name="subresource"/> is <c>status</c>.</summary>
    Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, ApplyOptions options, string? subresource = null, CancellationToken cancellationToken = default);

    Task<JsonObject> MergePatchAsync(ResourceType type, string name, string? @namespace, JsonNode patch, string? subresource = null, CancellationToken cancellationToken = default);

    Task DeleteAsync(ResourceType type, string name, string? @namespace, DeleteOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>Finds the resource serving <paramref name="kind"/> in <paramref name="apiVersion"/> through API discovery.</summary>
    Task<ResourceType> DiscoverAsync(string apiVersion, string kind, CancellationToken cancellationToken = default);
}
