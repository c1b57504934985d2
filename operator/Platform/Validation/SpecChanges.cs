using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace Paas.Platform.Validation;

/// <summary>Finds which fields of a spec an update changed, comparing their JSON so maps and lists compare by content.</summary>
internal static class SpecChanges
{
    /// <summary>One error per changed top-level spec field, in field name order.</summary>
    public static IEnumerable<ValidationError> Rejections<T>(T old, T updated, JsonTypeInfo<T> typeInfo, string rule, string fix)
    {
        var before = JsonSerializer.SerializeToNode(old, typeInfo) as JsonObject ?? [];
        var after = JsonSerializer.SerializeToNode(updated, typeInfo) as JsonObject ?? [];
        var fields = before.Select(p => p.Key).Union(after.Select(p => p.Key)).Order(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!JsonNode.DeepEquals(before[field], after[field]))
            {
                yield return ValidationError.Because($"spec.{field}", $"{rule}, and this update changes spec.{field}", fix);
            }
        }
    }
}
