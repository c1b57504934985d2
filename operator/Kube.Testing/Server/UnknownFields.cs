using System.Globalization;
using System.Text.Json.Nodes;

namespace Kube.Testing.Server;

/// <summary>Finds the fields pruning removed, named as Kubernetes names them in field validation (<c>spec.bogus</c>, <c>spec.items[0].x</c>).</summary>
internal static class UnknownFields
{
    public static IReadOnlyList<string> Between(JsonObject before, JsonObject after)
    {
        var removed = new List<string>();
        Compare(before, after, "", removed);
        return removed;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<string> removed)
    {
        switch (before)
        {
            case JsonObject beforeObject when after is JsonObject afterObject:
                foreach (var (key, value) in beforeObject)
                {
                    var child = path.Length == 0 ? key : $"{path}.{key}";
                    if (!afterObject.ContainsKey(key))
                        removed.Add(child);
                    else
                        Compare(value, afterObject[key], child, removed);
                }
                break;
            case JsonArray beforeArray when after is JsonArray afterArray && beforeArray.Count == afterArray.Count:
                for (var i = 0; i < beforeArray.Count; i++)
                    Compare(beforeArray[i], afterArray[i], $"{path}[{i.ToString(CultureInfo.InvariantCulture)}]", removed);
                break;
        }
    }
}
