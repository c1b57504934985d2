using System.Text.Json.Nodes;

namespace Kube.Testing.Patching;

/// <summary>
/// An approximation of strategic merge patch: merge-patch semantics, except lists with a known merge key merge
/// item by item, and the directives <c>$patch: delete|replace</c>, <c>$deleteFromPrimitiveList/</c> and
/// <c>$setElementOrder/</c> (ignored: order is kept as is) are understood.
/// </summary>
internal static class StrategicMergePatch
{
    /// <summary>Patches a copy of <paramref name="target"/>; <paramref name="listKeys"/> gives the merge keys of the list at a field path, or null when it is atomic.</summary>
    public static JsonObject Apply(JsonObject target, JsonObject patch, Func<IReadOnlyList<string>, IReadOnlyList<string>?> listKeys) =>
        MergeObject(target.DeepClone().AsObject(), patch, [], listKeys);

    private static JsonObject MergeObject(JsonObject target, JsonObject patch, List<string> path, Func<IReadOnlyList<string>, IReadOnlyList<string>?> listKeys)
    {
        if (patch["$patch"]?.ToString() == "replace")
        {
            var replaced = patch.DeepClone().AsObject();
            replaced.Remove("$patch");
            return replaced;
        }
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith("$setElementOrder/", StringComparison.Ordinal) || key == "$retainKeys" || key == "$patch")
                continue;
            if (key.StartsWith("$deleteFromPrimitiveList/", StringComparison.Ordinal))
            {
                var field = key["$deleteFromPrimitiveList/".Length..];
                if (target[field] is JsonArray list && value is JsonArray remove)
                    target[field] = new JsonArray([.. list.Where(i => !remove.Any(r => JsonNode.DeepEquals(r, i))).Select(i => i?.DeepClone())]);
                continue;
            }
            path.Add(key);
            if (value is null)
                target.Remove(key);
            else if (value is JsonObject childPatch && childPatch["$patch"]?.ToString() == "delete")
                target.Remove(key);
            else if (value is JsonObject childObject && target[key] is JsonObject childTarget)
                target[key] = MergeObject(childTarget.DeepClone().AsObject(), childObject, path, listKeys);
            else if (value is JsonArray patchList && target[key] is JsonArray targetList && listKeys(path) is { Count: > 0 } keys)
                target[key] = MergeList(targetList, patchList, keys, path, listKeys);
            else
                target[key] = Strip(value.DeepClone());
            path.RemoveAt(path.Count - 1);
        }
        return target;
    }

    private static JsonArray MergeList(JsonArray target, JsonArray patch, IReadOnlyList<string> keys, List<string> path, Func<IReadOnlyList<string>, IReadOnlyList<string>?> listKeys)
    {
        if (patch.OfType<JsonObject>().Any(i => i["$patch"]?.ToString() == "replace"))
            return new JsonArray([.. patch.OfType<JsonObject>().Where(i => i["$patch"] is null).Select(i => i.DeepClone())]);
        var result = target.Select(i => i?.DeepClone()).ToList();
        foreach (var item in patch)
        {
            if (item is not JsonObject patchItem)
            {
                result.Add(item?.DeepClone());
                continue;
            }
            var index = result.FindIndex(existing => existing is JsonObject e && keys.All(k => JsonNode.DeepEquals(e[k], patchItem[k])));
            if (patchItem["$patch"]?.ToString() == "delete")
            {
                if (index >= 0)
                    result.RemoveAt(index);
            }
            else if (index >= 0)
            {
                result[index] = MergeObject(((JsonObject)result[index]!).DeepClone().AsObject(), patchItem, path, listKeys);
            }
            else
            {
                result.Add(Strip(patchItem.DeepClone()));
            }
        }
        return new JsonArray([.. result]);
    }

    /// <summary>Removes directives from newly added content, which has nothing to merge with.</summary>
    private static JsonNode Strip(JsonNode node)
    {
        if (node is JsonObject obj)
        {
            foreach (var key in obj.Select(p => p.Key).Where(k => k.StartsWith('$')).ToList())
                obj.Remove(key);
            foreach (var (_, child) in obj.ToList())
            {
                if (child is not null)
                    Strip(child);
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var child in array)
            {
                if (child is not null)
                    Strip(child);
            }
        }
        return node;
    }
}
