using System.Text.Json;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Kube.Models;

namespace Kube.Client;

/// <summary>The untyped API on JSON objects; obtained from <see cref="KubeClient.Dynamic"/>.</summary>
internal sealed class DynamicKubeClient(ResourceCalls calls) : IDynamicKubeClient
{
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind), ResourceType> _discovered = new();

    public Task<JsonObject> GetAsync(ResourceType type, string name, string? @namespace, CancellationToken cancellationToken = default) =>
        calls.GetAsync(type, name, @namespace, cancellationToken);

    public async Task<JsonObject?> TryGetAsync(ResourceType type, string name, string? @namespace, CancellationToken cancellationToken = default)
    {
        try
        {
            return await calls.GetAsync(type, name, @namespace, cancellationToken);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    public async Task<JsonObject> ListAsync(ResourceType type, string? @namespace, ListOptions? options = null, CancellationToken cancellationToken = default)
    {
        var list = await calls.ListAsync(type, @namespace, options, cancellationToken);
        foreach (var item in (list["items"] as JsonArray ?? []).OfType<JsonObject>())
        {
            ResourceCalls.WithTypeFields(item, type);
        }

        return list;
    }

    public async IAsyncEnumerable<WatchEvent<JsonObject>> WatchAsync(
        ResourceType type, string? @namespace, WatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ResourceCalls.WatchRequest(type, @namespace, options);
        using var response = await calls.Transport.OpenStreamAsync(request, cancellationToken);
        await foreach (var change in WatchStream.ReadAsync(response, request.ToString(), (ReadOnlySpan<byte> json, out string? resourceVersion) =>
        {
            var obj = JsonNode.Parse(json) as JsonObject ?? throw new JsonException("the object is not a JSON object");
            resourceVersion = (string?)obj["metadata"]?["resourceVersion"];
            return ResourceCalls.WithTypeFields(obj, type);
        }, cancellationToken))
        {
            yield return change;
        }
    }

    public Task<JsonObject> CreateAsync(ResourceType type, JsonObject obj, CancellationToken cancellationToken = default) =>
        calls.CreateAsync(type, ResourceCalls.WithTypeFields(obj.DeepClone().AsObject(), type), dryRun: false, cancellationToken);

    public Task<JsonObject> ReplaceAsync(ResourceType type, JsonObject obj, CancellationToken cancellationToken = default) =>
        calls.ReplaceAsync(type, ResourceCalls.WithTypeFields(obj.DeepClone().AsObject(), type), subresource: null, dryRun: false, cancellationToken);

    public Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, ApplyOptions options, string? subresource = null, CancellationToken cancellationToken = default) =>
        calls.ApplyAsync(type, ResourceCalls.WithTypeFields(obj.DeepClone().AsObject(), type), options, subresource, cancellationToken);

    public Task<JsonObject> MergePatchAsync(
        ResourceType type, string name, string? @namespace, JsonNode patch, string? subresource = null, CancellationToken cancellationToken = default) =>
        calls.MergePatchAsync(type, name, @namespace, patch, subresource, cancellationToken);

    public Task DeleteAsync(ResourceType type, string name, string? @namespace, DeleteOptions? options = null, CancellationToken cancellationToken = default) =>
        calls.DeleteAsync(type, name, @namespace, options, cancellationToken);

    public async Task<ResourceType> DiscoverAsync(string apiVersion, string kind, CancellationToken cancellationToken = default)
    {
        if (_discovered.TryGetValue((apiVersion, kind), out var known))
        {
            return known;
        }

        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        var (group, version) = slash < 0 ? (string.Empty, apiVersion) : (apiVersion[..slash], apiVersion[(slash + 1)..]);
        var path = group.Length == 0 ? $"/api/{version}" : $"/apis/{group}/{version}";
        var list = await calls.Transport.SendAsync(new KubeRequest(HttpMethod.Get, path), cancellationToken);
        foreach (var resource in (list?["resources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var plural = (string?)resource["name"];
            if ((string?)resource["kind"] == kind && plural is not null && !plural.Contains('/', StringComparison.Ordinal))
            {
                var type = new ResourceType(group, version, kind, plural, (bool?)resource["namespaced"] ?? false);
                _discovered[(apiVersion, kind)] = type;
                return type;
            }
        }

        throw new InvalidOperationException($"The API server serves no kind \"{kind}\" in {apiVersion}; is its CustomResourceDefinition installed?");
    }
}
