using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Lifecycle;
using Kube.Testing.Patching;
using Kube.Testing.Protobuf;
using Kube.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace Kube.Testing.Server;

/// <summary>Decodes create, update, patch, apply and delete requests and hands them to the write pipeline.</summary>
internal sealed class WriteHandler(WritePipeline pipeline, ObjectStore store)
{
    public async Task CreateAsync(HttpContext context, RequestTarget target)
    {
        if (target.Name is not null)
            throw StatusErrors.MethodNotAllowed("POST is not allowed on a named resource; use PUT or PATCH");
        var body = await ReadObjectAsync(context);
        CheckTypeAndNamespace(target, body);
        var result = await pipeline.CreateAsync(target, body, RequestQuery.WriteOptions(context.Request), context.RequestAborted);
        await Responses.WriteObjectAsync(context, result.StatusCode, result.Object, target.Resource, result.Warnings);
    }

    public async Task UpdateAsync(HttpContext context, RequestTarget target)
    {
        var body = await ReadObjectAsync(context);
        CheckTypeAndNamespace(target, body);
        var name = ObjectMetadata.String(body, "name");
        if (name != target.Name)
            throw StatusErrors.BadRequest($"the name of the object ({name}) does not match the name on the URL ({target.Name})");
        var result = await pipeline.UpdateAsync(target, body, RequestQuery.WriteOptions(context.Request), context.RequestAborted);
        await Responses.WriteObjectAsync(context, result.StatusCode, result.Object, target.Resource, result.Warnings);
    }

    public async Task PatchAsync(HttpContext context, RequestTarget target)
    {
        var mediaType = (context.Request.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        WriteResult result;
        if (mediaType == "application/apply-patch+yaml")
        {
            var applied = YamlToJson.Parse(text) as JsonObject ?? throw StatusErrors.BadRequest("the apply configuration must be an object");
            CheckTypeAndNamespace(target, applied);
            var name = ObjectMetadata.String(applied, "name");
            if (string.IsNullOrEmpty(name))
                ObjectMetadata.Of(applied)["name"] = target.Name;
            else if (name != target.Name)
                throw StatusErrors.BadRequest($"the name of the object ({name}) does not match the name on the URL ({target.Name})");
            result = await pipeline.ApplyAsync(target, applied, RequestQuery.WriteOptions(context.Request, fieldManagerRequired: true), context.RequestAborted);
        }
        else
        {
            var patch = ParseJson(text);
            Func<JsonObject, IResourceSchema, JsonObject> apply = mediaType switch
            {
                "application/merge-patch+json" => (live, _) => JsonMergePatch.Apply(live, patch) as JsonObject
                    ?? throw StatusErrors.BadRequest("a merge patch must be a JSON object"),
                "application/json-patch+json" => (live, _) => JsonPatch.Apply(live, patch as JsonArray
                    ?? throw StatusErrors.BadRequest("a JSON patch must be a JSON array of operations")) as JsonObject
                    ?? throw StatusErrors.BadRequest("the patched document is not an object"),
                "application/strategic-merge-patch+json" when target.Resource.IsCustom =>
                    throw StatusErrors.UnsupportedMediaType("strategic merge patch is not supported for custom resources; use application/merge-patch+json"),
                "application/strategic-merge-patch+json" => (live, schema) => StrategicMergePatch.Apply(live, patch as JsonObject
                    ?? throw StatusErrors.BadRequest("a strategic merge patch must be a JSON object"), schema.ListMapKeys),
                _ => throw StatusErrors.UnsupportedMediaType(mediaType),
            };
            result = await pipeline.PatchAsync(target, apply, RequestQuery.WriteOptions(context.Request), context.RequestAborted);
        }
        await Responses.WriteObjectAsync(context, result.StatusCode, result.Object, target.Resource, result.Warnings);
    }

    public async Task DeleteAsync(HttpContext context, RequestTarget target)
    {
        var options = RequestQuery.WriteOptions(context.Request);
        var (body, preconditions) = await ReadDeleteOptionsAsync(context);
        options = Merge(options, body);
        var result = await pipeline.DeleteAsync(target, preconditions, options, context.RequestAborted);
        if (result.StatusCode == 200 && !options.DryRun)
        {
            Responses.AddWarnings(context, result.Warnings);
            await Responses.WriteJsonAsync(context, 200, StatusErrors.Success(target.Resource, result.Object.Name, result.Object.Uid));
            return;
        }
        await Responses.WriteObjectAsync(context, 200, result.Object, target.Resource, result.Warnings);
    }

    public async Task DeleteCollectionAsync(HttpContext context, RequestTarget target)
    {
        var options = RequestQuery.WriteOptions(context.Request);
        var (body, _) = await ReadDeleteOptionsAsync(context);
        options = Merge(options, body);
        var filter = RequestQuery.Filter(context.Request, target.Namespace);
        var page = store.List(target.Resource.Key, filter, null, 0);
        var deleted = new List<StoredObject>();
        foreach (var item in page.Items)
        {
            var itemTarget = target with { Namespace = item.Namespace, Name = item.Name };
            try
            {
                deleted.Add((await pipeline.DeleteAsync(itemTarget, new DeletePreconditions(null, null), options, context.RequestAborted)).Object);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Gone already (garbage-collected with an earlier item).
            }
        }
        await Responses.WriteListAsync(context, target.Resource, new ListPage(deleted, store.CurrentResourceVersion, null, null), null);
    }

    private static WriteOptions Merge(WriteOptions options, JsonObject? body)
    {
        if (body is null)
            return options;
        var propagation = RequestQuery.Propagation(body["propagationPolicy"]?.ToString()) ?? options.Propagation;
        if (propagation is null && body["orphanDependents"] is JsonValue orphan && orphan.TryGetValue<bool>(out var orphanDependents))
            propagation = orphanDependents ? PropagationPolicy.Orphan : PropagationPolicy.Background;
        var dryRun = options.DryRun || (body["dryRun"] as JsonArray)?.Any(v => v?.ToString() == "All") == true;
        return options with { Propagation = propagation, DryRun = dryRun };
    }

    private static async Task<(JsonObject? Body, DeletePreconditions Preconditions)> ReadDeleteOptionsAsync(HttpContext context)
    {
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        if (string.IsNullOrWhiteSpace(text))
            return (null, new DeletePreconditions(null, null));
        var body = ParseJson(text) as JsonObject ?? throw StatusErrors.BadRequest("DeleteOptions must be a JSON object");
        var preconditions = body["preconditions"] as JsonObject;
        return (body, new DeletePreconditions(preconditions?["uid"]?.ToString(), preconditions?["resourceVersion"]?.ToString()));
    }

    private static async Task<JsonObject> ReadObjectAsync(HttpContext context)
    {
        var mediaType = (context.Request.ContentType ?? "application/json").Split(';')[0].Trim();
        if (mediaType == "application/vnd.kubernetes.protobuf")
            return await ReadProtobufAsync(context, mediaType);
        if (mediaType.Contains("cbor", StringComparison.Ordinal))
            throw StatusErrors.UnsupportedBodyFormat(mediaType);
        var text = await new StreamReader(context.Request.Body).ReadToEndAsync(context.RequestAborted);
        var node = mediaType is "application/yaml" or "application/x-yaml" ? YamlToJson.Parse(text) : ParseJson(text);
        return node as JsonObject ?? throw StatusErrors.BadRequest("the request body must be a JSON object");
    }

    /// <summary>kubectl's create subcommands send protobuf; the kinds they create most are decoded, others are 415.</summary>
    private static async Task<JsonObject> ReadProtobufAsync(HttpContext context, string mediaType)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer, context.RequestAborted);
        try
        {
            return ProtobufDecoder.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) ?? throw StatusErrors.UnsupportedBodyFormat(mediaType);
        }
        catch (FormatException e)
        {
            throw StatusErrors.BadRequest($"couldn't decode the protobuf request body: {e.Message}");
        }
    }

    private static JsonNode? ParseJson(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            throw StatusErrors.BadRequest($"couldn't decode the request body as JSON: {e.Message}");
        }
    }

    private static void CheckTypeAndNamespace(RequestTarget target, JsonObject body)
    {
        var resource = target.Resource;
        var apiVersion = body["apiVersion"]?.ToString();
        var kind = body["kind"]?.ToString();
        if (!string.IsNullOrEmpty(apiVersion) && apiVersion != resource.ApiVersion)
            throw StatusErrors.BadRequest($"the API version in the data ({apiVersion}) does not match the expected API version ({resource.ApiVersion})");
        if (!string.IsNullOrEmpty(kind) && kind != resource.Kind)
            throw StatusErrors.BadRequest($"the kind in the data ({kind}) does not match the expected kind ({resource.Kind})");
        if (body["metadata"] is not null and not JsonObject)
            throw StatusErrors.BadRequest("metadata must be an object");
        var ns = ObjectMetadata.String(body, "namespace");
        if (resource.Namespaced && !string.IsNullOrEmpty(ns) && ns != target.Namespace)
            throw StatusErrors.BadRequest("the namespace of the provided object does not match the namespace sent on the request");
    }
}
