using System.Globalization;
using System.Text.Json.Nodes;

namespace Kube.Testing.Lifecycle;

/// <summary>Reads and writes the <c>metadata</c> fields of an untyped object.</summary>
internal static class ObjectMetadata
{
    public static JsonObject Of(JsonObject obj)
    {
        if (obj["metadata"] is JsonObject metadata)
            return metadata;
        metadata = [];
        obj["metadata"] = metadata;
        return metadata;
    }

    public static string? String(JsonObject obj, string field) =>
        (obj["metadata"] as JsonObject)?[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static List<string> Finalizers(JsonObject obj) =>
        (obj["metadata"] as JsonObject)?["finalizers"] is JsonArray list ? [.. list.Select(f => f?.ToString() ?? "")] : [];

    public static void SetFinalizers(JsonObject obj, IReadOnlyList<string> finalizers)
    {
        if (finalizers.Count == 0)
            Of(obj).Remove("finalizers");
        else
            Of(obj)["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)f)]);
    }

    /// <summary>RFC 3339 in whole seconds, as Kubernetes serializes metav1.Time.</summary>
    public static string Timestamp(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Copies a metadata field from <paramref name="from"/>, or removes it when absent there.</summary>
    public static void Carry(JsonObject from, JsonObject to, string field)
    {
        var value = (from["metadata"] as JsonObject)?[field];
        if (value is null)
            Of(to).Remove(field);
        else
            Of(to)[field] = value.DeepClone();
    }

    /// <summary>The object without metadata and status, for telling spec changes (which bump generation) from others.</summary>
    public static JsonObject Body(JsonObject obj)
    {
        var body = new JsonObject();
        foreach (var (key, value) in obj)
        {
            if (key is not ("metadata" or "status" or "apiVersion" or "kind"))
                body[key] = value?.DeepClone();
        }
        return body;
    }
}
