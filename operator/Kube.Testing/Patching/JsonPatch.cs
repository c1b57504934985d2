using System.Globalization;
using System.Text.Json.Nodes;

namespace Kube.Testing.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test, with RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    /// <summary>Applies the operations in order; throws <see cref="PatchException"/> naming the failing operation.</summary>
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = new JsonObject { ["doc"] = document.DeepClone() };
        foreach (var operation in operations)
        {
            if (operation is not JsonObject op)
                throw new PatchException("a JSON patch must be a list of operation objects");
            var name = op["op"]?.ToString() ?? "";
            var path = op["path"]?.ToString() ?? throw new PatchException($"operation {name} has no path");
            switch (name)
            {
                case "add":
                    Add(root, path, op["value"]?.DeepClone());
                    break;
                case "remove":
                    Remove(root, path);
                    break;
                case "replace":
                    Remove(root, path);
                    Add(root, path, op["value"]?.DeepClone());
                    break;
                case "move":
                    var moved = Remove(root, From(op));
                    Add(root, path, moved);
                    break;
                case "copy":
                    Add(root, path, Get(root, From(op))?.DeepClone());
                    break;
                case "test":
                    if (!JsonNode.DeepEquals(Get(root, path), op["value"]))
                        throw new PatchException($"testing value {path} failed");
                    break;
                default:
                    throw new PatchException($"Unexpected kind: {name}");
            }
        }
        return root["doc"]!.DeepClone();
    }

    private static string From(JsonObject op) => op["from"]?.ToString() ?? throw new PatchException("operation has no from");

    private static (JsonNode Parent, string Key) Locate(JsonObject root, string pointer)
    {
        if (pointer.Length > 0 && pointer[0] != '/')
            throw new PatchException($"invalid JSON pointer {pointer}");
        var segments = pointer.Length == 0 ? [] : pointer[1..].Split('/').Select(s => s.Replace("~1", "/").Replace("~0", "~")).ToArray();
        JsonNode parent = root;
        var key = "doc";
        foreach (var segment in segments)
        {
            parent = Child(parent, key) ?? throw new PatchException($"doc is missing path: {pointer}");
            key = segment;
        }
        return (parent, key);
    }

    private static JsonNode? Child(JsonNode parent, string key) => parent switch
    {
        JsonObject obj => obj[key],
        JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count => array[i],
        _ => null,
    };

    private static JsonNode? Get(JsonObject root, string pointer)
    {
        var (parent, key) = Locate(root, pointer);
        return Child(parent, key);
    }

    private static void Add(JsonObject root, string pointer, JsonNode? value)
    {
        var (parent, key) = Locate(root, pointer);
        switch (parent)
        {
            case JsonObject obj:
                obj[key] = value;
                break;
            case JsonArray array when key == "-":
                array.Add(value);
                break;
            case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i <= array.Count:
                array.Insert(i, value);
                break;
            default:
                throw new PatchException($"unable to add at {pointer}");
        }
    }

    private static JsonNode? Remove(JsonObject root, string pointer)
    {
        var (parent, key) = Locate(root, pointer);
        switch (parent)
        {
            case JsonObject obj when obj.ContainsKey(key):
                var value = obj[key];
                obj.Remove(key);
                return value;
            case JsonArray array when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < array.Count:
                var item = array[i];
                array.RemoveAt(i);
                return item;
            default:
                throw new PatchException($"unable to remove nonexistent key: {key}; error: doc is missing path: {pointer}");
        }
    }
}
