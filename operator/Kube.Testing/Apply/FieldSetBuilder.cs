using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Apply;

/// <summary>Computes the fields an object sets, following the schema's list and map semantics.</summary>
internal sealed class FieldSetBuilder(IResourceSchema schema, TrackedFields tracked)
{
    public FieldSet Build(JsonObject obj)
    {
        var set = new FieldSet();
        foreach (var (name, value) in obj)
        {
            if (!tracked.IsTrackedRoot(name))
            {
                continue;
            }
            if (name == "metadata" && value is JsonObject metadata)
            {
                foreach (var (metaName, metaValue) in metadata)
                {
                    if (TrackedFields.IsTrackedMetadata(metaName))
                    {
                        Walk(metaValue, [FieldPath.Field("metadata"), FieldPath.Field(metaName)], ["metadata", metaName], set);
                    }
                }
                continue;
            }
            Walk(value, [FieldPath.Field(name)], [name], set);
        }
        return set;
    }

    private void Walk(JsonNode? node, List<string> path, List<string> schemaPath, FieldSet set)
    {
        switch (node)
        {
            case JsonObject obj when obj.Count > 0 && !schema.IsAtomicMap(schemaPath):
                WalkFields(obj, path, schemaPath, set);
                break;
            case JsonArray array when ListMapKeysFor(array, schemaPath) is { } keys:
                foreach (var item in array)
                {
                    var itemPath = new List<string>(path) { FieldPath.Key(item!.AsObject(), keys) };
                    set.Add(itemPath);
                    WalkFields(item.AsObject(), itemPath, schemaPath, set);
                }
                break;
            case JsonArray array when schema.IsSetList(schemaPath):
                foreach (var item in array)
                {
                    set.Add(new List<string>(path) { FieldPath.Value(item) });
                }
                break;
            default:
                set.Add(path);
                break;
        }
    }

    private void WalkFields(JsonObject obj, List<string> path, List<string> schemaPath, FieldSet set)
    {
        foreach (var (name, value) in obj)
        {
            Walk(value, new List<string>(path) { FieldPath.Field(name) }, new List<string>(schemaPath) { name }, set);
        }
    }

    /// <summary>The merge keys when the schema declares a list-map and every item is an object; otherwise null (atomic).</summary>
    public IReadOnlyList<string>? ListMapKeysFor(JsonArray array, IReadOnlyList<string> schemaPath)
    {
        var keys = schema.ListMapKeys(schemaPath);
        return keys is { Count: > 0 } && array.All(item => item is JsonObject) ? keys : null;
    }
}
