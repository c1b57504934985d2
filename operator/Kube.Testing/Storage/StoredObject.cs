using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Resources;

namespace Kube.Testing.Storage;

/// <summary>
/// One stored version of an object. The JSON node is never mutated once stored; readers get <see cref="Json"/>
/// or a clone, so responses and watch fan-out share one serialization.
/// </summary>
internal sealed class StoredObject
{
    private StoredObject(ResourceKey resource, JsonObject obj, byte[] json)
    {
        Resource = resource;
        Object = obj;
        Json = json;
        var metadata = obj["metadata"] as JsonObject;
        Namespace = metadata?["namespace"]?.GetValue<string>() is { Length: > 0 } ns ? ns : null;
        Name = metadata?["name"]?.GetValue<string>() ?? "";
        Uid = metadata?["uid"]?.GetValue<string>() ?? "";
        ApiVersion = obj["apiVersion"]?.GetValue<string>() ?? "";
        ResourceVersion = long.TryParse(metadata?["resourceVersion"]?.GetValue<string>(), out var rv) ? rv : 0;
        Labels = ReadLabels(metadata);
        OwnerUids = ReadOwnerUids(metadata);
        Finalizers = metadata?["finalizers"] is JsonArray finalizers
            ? [.. finalizers.Select(f => f?.GetValue<string>() ?? "")]
            : [];
        IsDeleting = metadata?["deletionTimestamp"] is not null;
    }

    public ResourceKey Resource { get; }
    public JsonObject Object { get; }
    public byte[] Json { get; }
    public string? Namespace { get; }
    public string Name { get; }
    public string Uid { get; }
    public string ApiVersion { get; }
    public long ResourceVersion { get; }
    public IReadOnlyDictionary<string, string> Labels { get; }
    public IReadOnlyList<string> OwnerUids { get; }
    public IReadOnlyList<string> Finalizers { get; }
    public bool IsDeleting { get; }

    public ObjectKey Key => new(Resource, Namespace, Name);

    /// <summary>Freezes <paramref name="obj"/>: the caller must not touch it afterwards.</summary>
    public static StoredObject Freeze(ResourceKey resource, JsonObject obj)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
            obj.WriteTo(writer);
        return new StoredObject(resource, obj, buffer.WrittenSpan.ToArray());
    }

    /// <summary>A private, mutable copy.</summary>
    public JsonObject Clone() => (JsonObject)JsonNode.Parse(Json)!;

    private static Dictionary<string, string> ReadLabels(JsonObject? metadata)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata?["labels"] is JsonObject map)
        {
            foreach (var (key, value) in map)
                labels[key] = value?.ToString() ?? "";
        }
        return labels;
    }

    private static string[] ReadOwnerUids(JsonObject? metadata) =>
        metadata?["ownerReferences"] is JsonArray owners
            ? [.. owners.Select(o => o?["uid"]?.GetValue<string>()).OfType<string>()]
            : [];
}
