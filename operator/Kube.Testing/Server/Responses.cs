using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Resources;
using Kube.Testing.Storage;
using Microsoft.AspNetCore.Http;

namespace Kube.Testing.Server;

/// <summary>Writes JSON bodies; stored objects go out as their stored bytes, re-versioned only when read through another CRD version.</summary>
internal static class Responses
{
    public const string Json = "application/json";

    public static async Task WriteJsonAsync(HttpContext context, int statusCode, JsonNode body)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = Json;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        body.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted);
    }

    public static async Task WriteObjectAsync(HttpContext context, int statusCode, StoredObject obj, ResourceDefinition servedAs, IReadOnlyList<string> warnings)
    {
        AddWarnings(context, warnings);
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = Json;
        await context.Response.BodyWriter.WriteAsync(BytesFor(obj, servedAs), context.RequestAborted);
    }

    public static void AddWarnings(HttpContext context, IReadOnlyList<string> warnings)
    {
        foreach (var warning in warnings)
            context.Response.Headers.Append("Warning", $"299 - \"{warning.Replace("\"", "\\\"", StringComparison.Ordinal)}\"");
    }

    /// <summary>The object's JSON as the requested version presents it.</summary>
    public static ReadOnlyMemory<byte> BytesFor(StoredObject obj, ResourceDefinition servedAs)
    {
        if (obj.ApiVersion == servedAs.ApiVersion)
            return obj.Json;
        var copy = obj.Clone();
        copy["apiVersion"] = servedAs.ApiVersion;
        return JsonSerializer.SerializeToUtf8Bytes(copy);
    }

    public static async Task WriteListAsync(HttpContext context, ResourceDefinition resource, ListPage page, string? continueToken)
    {
        context.Response.StatusCode = 200;
        context.Response.ContentType = Json;
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        writer.WriteStartObject();
        writer.WriteString("kind", resource.ListKind);
        writer.WriteString("apiVersion", resource.ApiVersion);
        writer.WriteStartObject("metadata");
        writer.WriteString("resourceVersion", page.ResourceVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (continueToken is not null)
            writer.WriteString("continue", continueToken);
        if (page.RemainingItemCount is { } remaining)
            writer.WriteNumber("remainingItemCount", remaining);
        writer.WriteEndObject();
        writer.WriteStartArray("items");
        foreach (var item in page.Items)
        {
            writer.WriteRawValue(BytesFor(item, resource).Span, skipInputValidation: true);
            if (writer.BytesPending > 64 * 1024)
                await writer.FlushAsync(context.RequestAborted);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }
}
