using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Kube.Testing.Apply;

/// <summary>Builds, reads and prints the path elements of managed fields: <c>f:name</c>, <c>k:{"name":"web"}</c>, <c>v:"x"</c>.</summary>
internal static class FieldPath
{
    public const string FieldPrefix = "f:";
    public const string KeyPrefix = "k:";
    public const string ValuePrefix = "v:";

    // Kubernetes writes keys and values as compact JSON without HTML escaping.
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Field(string name) => FieldPrefix + name;

    public static string Value(JsonNode? value) => ValuePrefix + ToJson(value);

    /// <summary>The key element of a list-map item: its key fields, sorted by name, as compact JSON; absent keys are left out.</summary>
    public static string Key(JsonObject item, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys.Order(StringComparer.Ordinal))
        {
            if (item.TryGetPropertyValue(name, out var value))
            {
                key[name] = value?.DeepClone();
            }
        }
        return KeyPrefix + ToJson(key);
    }

    public static string ToJson(JsonNode? node) => node is null ? "null" : node.ToJsonString(Compact);

    /// <summary>The path as Kubernetes prints it in conflicts: <c>.spec.containers[name="web"].image</c>.</summary>
    public static string Format(IReadOnlyList<string> path)
    {
        var text = new StringBuilder();
        foreach (var element in path)
        {
            if (element.StartsWith(FieldPrefix, StringComparison.Ordinal))
            {
                text.Append('.').Append(element.AsSpan(FieldPrefix.Length));
            }
            else if (element.StartsWith(KeyPrefix, StringComparison.Ordinal))
            {
                var key = JsonNode.Parse(element[KeyPrefix.Length..])!.AsObject();
                text.Append('[').AppendJoin(',', key.Select(pair => $"{pair.Key}={ToJson(pair.Value)}")).Append(']');
            }
            else
            {
                text.Append("[=").Append(element.AsSpan(ValuePrefix.Length)).Append(']');
            }
        }
        return text.ToString();
    }

    /// <summary>Finds the node a path points at, or null when it is absent.</summary>
    public static bool TryGet(JsonNode? root, IReadOnlyList<string> path, out JsonNode? found)
    {
        found = root;
        foreach (var element in path)
        {
            if (!TryStep(found, element, out found, out _))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Removes the field or list item a path points at; a missing path is left alone.</summary>
    public static void Remove(JsonNode root, IReadOnlyList<string> path)
    {
        if (path.Count == 0 || !TryGet(root, path.Take(path.Count - 1).ToArray(), out var parent))
        {
            return;
        }
        var last = path[^1];
        if (parent is JsonObject obj && last.StartsWith(FieldPrefix, StringComparison.Ordinal))
        {
            obj.Remove(last[FieldPrefix.Length..]);
        }
        else if (parent is JsonArray array && TryStep(array, last, out _, out var index))
        {
            array.RemoveAt(index);
        }
    }

    private static bool TryStep(JsonNode? node, string element, out JsonNode? next, out int index)
    {
        next = null;
        index = -1;
        if (element.StartsWith(FieldPrefix, StringComparison.Ordinal))
        {
            return node is JsonObject obj && obj.TryGetPropertyValue(element[FieldPrefix.Length..], out next);
        }
        if (node is not JsonArray array)
        {
            return false;
        }
        if (element.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            var key = JsonNode.Parse(element[KeyPrefix.Length..])!.AsObject();
            index = IndexOf(array, item => item is JsonObject candidate && key.All(pair =>
                candidate.TryGetPropertyValue(pair.Key, out var value) && JsonNode.DeepEquals(value, pair.Value)));
        }
        else if (element.StartsWith(ValuePrefix, StringComparison.Ordinal))
        {
            var wanted = JsonNode.Parse(element[ValuePrefix.Length..]);
            index = IndexOf(array, item => JsonNode.DeepEquals(item, wanted));
        }
        if (index < 0)
        {
            return false;
        }
        next = array[index];
        return true;
    }

    private static int IndexOf(JsonArray array, Func<JsonNode?, bool> match)
    {
        for (var i = 0; i < array.Count; i++)
        {
            if (match(array[i]))
            {
                return i;
            }
        }
        return -1;
    }
}
