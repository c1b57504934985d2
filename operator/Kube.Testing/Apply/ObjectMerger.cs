using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Apply;

/// <summary>Merges an apply configuration into a live object: maps field by field, list-maps by key, sets by value, other lists whole.</summary>
internal sealed class ObjectMerger(IResourceSchema schema, FieldSetBuilder fields)
{
    public JsonObject MergeRoot(JsonObject live, JsonObject applied, TrackedFields tracked)
    {
        var result = live.DeepClone().AsObject();
        foreach (var (name, value) in applied)
        {
            if (!tracked.IsInScope(name))
            {
                continue;
            }
            if (name == "metadata" && value is JsonObject metadata)
            {
                var liveMetadata = result["metadata"] as JsonObject ?? new JsonObject();
                foreach (var (metaName, metaValue) in metadata)
                {
                    if (TrackedFields.IsTrackedMetadata(metaName) || !liveMetadata.ContainsKey(metaName))
                    {
                        liveMetadata[metaName] = Merge(liveMetadata[metaName], metaValue, ["metadata", metaName]);
                    }
                }
                result["metadata"] = liveMetadata;
                continue;
            }
            result[name] = Merge(result[name], value, [name]);
        }
        return result;
    }

    private JsonNode? Merge(JsonNode? live, JsonNode? applied, List<string> schemaPath)
    {
        switch (applied)
        {
            case JsonObject appliedObject when live is JsonObject liveObject && !schema.IsAtomicMap(schemaPath):
                var merged = liveObject.DeepClone().AsObject();
                MergeFields(merged, appliedObject, schemaPath);
                return merged;
            case JsonArray appliedList when live is JsonArray liveList && fields.ListMapKeysFor(appliedList, schemaPath) is { } keys
                                                                          && liveList.All(item => item is JsonObject):
                return MergeListMap(liveList, appliedList, keys, schemaPath);
            case JsonArray appliedSet when live is JsonArray liveSet && schema.IsSetList(schemaPath):
                var union = new JsonArray(appliedSet.Select(item => item?.DeepClone()).ToArray());
                foreach (var item in liveSet.Where(item => !appliedSet.Any(other => JsonNode.DeepEquals(other, item))))
                {
                    union.Add(item?.DeepClone());
                }
                return union;
            default:
                return applied?.DeepClone();
        }
    }

    private void MergeFields(JsonObject target, JsonObject applied, List<string> schemaPath)
    {
        foreach (var (name, value) in applied)
        {
            target[name] = Merge(target[name], value, new List<string>(schemaPath) { name });
        }
    }

    // Applied items come first in applied order; items only the live object has (others' items) follow in live order.
    private JsonArray MergeListMap(JsonArray live, JsonArray applied, IReadOnlyList<string> keys, List<string> schemaPath)
    {
        var liveItems = live.Select(item => (Key: FieldPath.Key(item!.AsObject(), keys), Item: item.AsObject())).ToList();
        var appliedKeys = new HashSet<string>(StringComparer.Ordinal);
        var result = new JsonArray();
        foreach (var item in applied)
        {
            var key = FieldPath.Key(item!.AsObject(), keys);
            appliedKeys.Add(key);
            var liveItem = liveItems.FirstOrDefault(candidate => candidate.Key == key).Item;
            if (liveItem is not null)
            {
                var merged = liveItem.DeepClone().AsObject();
                MergeFields(merged, item.AsObject(), schemaPath);
                result.Add(merged);
            }
            else
            {
                result.Add(item.DeepClone());
            }
        }
        foreach (var (key, liveOnly) in liveItems)
        {
            if (!appliedKeys.Contains(key))
            {
                result.Add(liveOnly.DeepClone());
            }
        }
        return result;
    }
}
