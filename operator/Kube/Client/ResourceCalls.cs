using System.Text;
using System.Text.Json.Nodes;
using Kube.Models;

namespace Kube.Client;

/// <summary>The API calls on JSON objects that both the typed and the dynamic client are built from.</summary>
internal sealed class ResourceCalls(KubeTransport transport, string? defaultFieldManager)
{
    public KubeTransport Transport { get; } = transport;

    public async Task<JsonObject> GetAsync(ResourceType type, string name, string? @namespace, CancellationToken cancellationToken) =>
        await SendForObjectAsync(new KubeRequest(HttpMethod.Get, ResourcePaths.Item(type, @namespace, name)), cancellationToken);

    public async Task<JsonObject> ListAsync(ResourceType type, string? @namespace, ListOptions? options, CancellationToken cancellationToken) =>
        await SendForObjectAsync(ListRequest(type, @namespace, options), cancellationToken);

    public static KubeRequest ListRequest(ResourceType type, string? @namespace, ListOptions? options)
    {
        options ??= new ListOptions();
        var path = new QueryString(ResourcePaths.Collection(type, @namespace))
            .Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector)
            .Add("limit", options.Limit)
            .Add("continue", options.Continue)
            .Add("resourceVersion", options.ResourceVersion)
            .Add("resourceVersionMatch", options.ResourceVersionMatch)
            .ToString();
        return new KubeRequest(HttpMethod.Get, path);
    }

    public static KubeRequest WatchRequest(ResourceType type, string? @namespace, WatchOptions options) => new(
        HttpMethod.Get,
        new QueryString(ResourcePaths.Collection(type, @namespace))
            .Add("watch", true)
            .Add("resourceVersion", options.ResourceVersion)
            .Add("labelSelector", options.LabelSelector)
            .Add("fieldSelector", options.FieldSelector)
            .Add("allowWatchBookmarks", options.AllowWatchBookmarks)
            .Add("timeoutSeconds", options.Timeout is { } timeout ? (long)timeout.TotalSeconds : null)
            .ToString());

    public async Task<JsonObject> CreateAsync(ResourceType type, JsonObject obj, bool dryRun, CancellationToken cancellationToken)
    {
        var path = Writes(new QueryString(ResourcePaths.CreateTarget(type, Namespace(obj))), dryRun);
        return await SendForObjectAsync(new KubeRequest(HttpMethod.Post, path, Body(obj)), cancellationToken);
    }

    public async Task<JsonObject> ReplaceAsync(ResourceType type, JsonObject obj, string? subresource, bool dryRun, CancellationToken cancellationToken)
    {
        var path = Writes(new QueryString(ResourcePaths.Item(type, Namespace(obj), Name(obj, type), subresource)), dryRun);
        return await SendForObjectAsync(new KubeRequest(HttpMethod.Put, path, Body(obj)), cancellationToken);
    }

    public async Task<JsonObject> ApplyAsync(ResourceType type, JsonObject obj, ApplyOptions options, string? subresource, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(options.FieldManager);

        // The server refuses an apply that carries managedFields; a fetched object would.
        if (obj["metadata"] is JsonObject metadata)
        {
            metadata.Remove("managedFields");
        }

        var path = new QueryString(ResourcePaths.Item(type, Namespace(obj), Name(obj, type), subresource))
            .Add("fieldManager", options.FieldManager)
            .Add("force", options.Force)
            .Add("dryRun", options.DryRun ? "All" : null)
            .ToString();
        return await SendForObjectAsync(new KubeRequest(HttpMethod.Patch, path, Body(obj), KubeRequest.ApplyPatch), cancellationToken);
    }

    public async Task<JsonObject> MergePatchAsync(
        ResourceType type, string name, string? @namespace, JsonNode patch, string? subresource, CancellationToken cancellationToken)
    {
        var path = Writes(new QueryString(ResourcePaths.Item(type, @namespace, name, subresource)), dryRun: false);
        var body = Encoding.UTF8.GetBytes(patch.ToJsonString());
        return await SendForObjectAsync(new KubeRequest(HttpMethod.Patch, path, body, KubeRequest.MergePatch), cancellationToken);
    }

    public async Task DeleteAsync(ResourceType type, string name, string? @namespace, DeleteOptions? options, CancellationToken cancellationToken)
    {
        options ??= new DeleteOptions();
        var body = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "DeleteOptions" };
        if (options.PropagationPolicy is { } policy)
        {
            body["propagationPolicy"] = policy.ToString();
        }

        if (options.PreconditionUid is { } uid)
        {
            body["preconditions"] = new JsonObject { ["uid"] = uid };
        }

        if (options.GracePeriodSeconds is { } grace)
        {
            body["gracePeriodSeconds"] = grace;
        }

        if (options.DryRun)
        {
            body["dryRun"] = new JsonArray("All");
        }

        try
        {
            var request = new KubeRequest(HttpMethod.Delete, ResourcePaths.Item(type, @namespace, name), Body(body));
            await Transport.SendAsync(request, cancellationToken);
        }
        catch (NotFoundException) when (options.IgnoreNotFound)
        {
        }
    }

    /// <summary>Sets apiVersion and kind from the resource type when the object lacks them (list items and typed records often do).</summary>
    public static JsonObject WithTypeFields(JsonObject obj, ResourceType type)
    {
        if (obj["apiVersion"] is null)
        {
            obj["apiVersion"] = type.ApiVersion;
        }

        if (obj["kind"] is null)
        {
            obj["kind"] = type.Kind;
        }

        return obj;
    }

    private string Writes(QueryString query, bool dryRun) =>
        query.Add("fieldManager", defaultFieldManager).Add("dryRun", dryRun ? "All" : null).ToString();

    private async Task<JsonObject> SendForObjectAsync(KubeRequest request, CancellationToken cancellationToken) =>
        await Transport.SendAsync(request, cancellationToken) as JsonObject
            ?? throw new InvalidDataException($"{request}: the server answered without a JSON object");

    private static byte[] Body(JsonObject obj) => Encoding.UTF8.GetBytes(obj.ToJsonString());

    private static string? Namespace(JsonObject obj) => (string?)obj["metadata"]?["namespace"];

    private static string Name(JsonObject obj, ResourceType type) =>
        (string?)obj["metadata"]?["name"] is { Length: > 0 } name
            ? name
            : throw new ArgumentException($"The {type.Kind} has no metadata.name; set it to name the object to write", nameof(obj));
}
