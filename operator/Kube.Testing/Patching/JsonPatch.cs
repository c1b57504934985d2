using System.Globalization;
using System.Text.Json.Nodes;

namespace Kube.Testing.Patching;

/// <summary>RFC 6902 JSON Patch (add, remove, replace, move, copy, test) over <see cref="JsonNode"/>, with RFC 6901 pointers.</summary>
internal static class JsonPatch
{
    /// <summary>Applies the operations in order to a copy of <paramref name="document"/>; the original is not changed.</summary>
    /// <exception cref="PatchException">An operation is malformed or does not apply; the message names it.</exception>
    public static JsonNode? Apply(JsonNode? document, JsonArray operations)
    {
        var result = document?.DeepClone();
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject operation)
            {
                throw new PatchException($"operation {i} is not an object");
            }
            var op = (string?)operation["op"] ?? throw new PatchException($"operation {i} has no \"op\"");
            var path = (string?)operation["path"] ?? throw new PatchException($"operation {i} ({op}) has no \"path\"");
            result = op switch
            {
                "add" => Add(result, path, RequiredValue(operation, i, op)),
                "remove" => Remove(result, path, out _),
                "replace" => Add(Remove(result, path, out _), path, RequiredValue(operation, i, op)),
                "move" => Move(result, From(operation, i, op), path),
                "copy" => Add(result, path, Get(result, From(operation, i, op))?.DeepClone()),
                "test" => Test(result, path, RequiredValue(operation, i, op)),
                _ => throw new PatchException($"operation {i} has unknown op \"{op}\""),
            };
        }
        return result;
    }

    /// <summary>The value a pointer refers to; throws when any step of it is missing.</summary>
    public static JsonNode? Get(JsonNode? document, string pointer)
    {
        var node = document;
        foreach (var token in Parse(pointer))
        {
            node = node switch
            {
                JsonObject obj when obj.TryGetPropertyValue(token, out var child) => child,
                JsonArray array => array[Index(array, token, pointer, allowEnd: false)],
                _ => throw new PatchException($"path \"{pointer}\" does not exist"),
            };
        }
        return node;
    }

    private static JsonNode? Add(JsonNode? document, string pointer, JsonNode? value)
    {
        var tokens = Parse(pointer);
        if (tokens.Count == 0)
        {
            return value;
        }
        var parent = Get(document, Join(tokens.Take(tokens.Count - 1)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj:
                obj[last] = value;
                break;
            case JsonArray array:
                var index = Index(array, last, pointer, allowEnd: true);
                array.Insert(index, value);
                break;
            default:
                throw new PatchException($"cannot add at \"{pointer}\": its parent is not an object or array");
        }
        return document;
    }

    private static JsonNode? Remove(JsonNode? document, string pointer, out JsonNode? removed)
    {
        var tokens = Parse(pointer);
        if (tokens.Count == 0)
        {
            removed = document;
            return null;
        }
        var parent = Get(document, Join(tokens.Take(tokens.Count - 1)));
        var last = tokens[^1];
        switch (parent)
        {
            case JsonObject obj when obj.TryGetPropertyValue(last, out removed):
                obj.Remove(last);
                break;
            case JsonArray array:
                var index = Index(array, last, pointer, allowEnd: false);
                removed = array[index];
                array.RemoveAt(index);
                break;
            default:
                throw new PatchException($"cannot remove \"{pointer}\": it does not exist");
        }
        return document;
    }

    private static JsonNode? Move(JsonNode? document, string from, string path)
    {
        if (path.StartsWith(from + "/", StringComparison.Ordinal))
        {
            throw new PatchException($"cannot move \"{from}\" into its own child \"{path}\"");
        }
        var remaining = Remove(document, from, out var value);
        return Add(remaining, path, value);
    }

    private static JsonNode? Test(JsonNode? document, string path, JsonNode? expected) =>
        JsonNode.DeepEquals(Get(document, path), expected)
            ? document
            : throw new PatchException($"test failed: \"{path}\" is not {expected?.ToJsonString() ?? "null"}");

    private static JsonNode? RequiredValue(JsonObject operation, int i, string op) =>
        operation.TryGetPropertyValue("value", out var value)
            ? value?.DeepClone()
            : throw new PatchException($"operation {i} ({op}) has no \"value\"");

    private static string From(JsonObject operation, int i, string op) =>
        (string?)operation["from"] ?? throw new PatchException($"operation {i} ({op}) has no \"from\"");

    private static int Index(JsonArray array, string token, string pointer, bool allowEnd)
    {
        if (token == "-" && allowEnd)
        {
            return array.Count;
        }
        var valid = token.Length > 0 && token.All(char.IsAsciiDigit) && (token == "0" || token[0] != '0');
        if (!valid || !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index > array.Count || (!allowEnd && index == array.Count))
        {
            throw new PatchException($"path \"{pointer}\": \"{token}\" is not a valid index into an array of {array.Count}");
        }
        return index;
    }

    private static List<string> Parse(string pointer)
    {
        if (pointer.Length == 0)
        {
            return [];
        }
        if (pointer[0] != '/')
        {
            throw new PatchException($"path \"{pointer}\" must start with '/'");
        }
        return pointer[1..].Split('/').Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal)).ToList();
    }

    private static string Join(IEnumerable<string> tokens) =>
        string.Concat(tokens.Select(token => "/" + token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal)));
}
