using System.Text.Json.Nodes;

namespace Kube.Testing.Schema;

/// <summary>Drops fields a structural schema does not declare, unless it preserves unknown fields.</summary>
internal static class SchemaPruner
{
    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "selfLink", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "labels", "annotations", "ownerReferences", "finalizers", "managedFields",
    };

    /// <summary>Prunes a whole resource: apiVersion, kind and metadata always stay, metadata keeps only ObjectMeta fields.</summary>
    public static void PruneRoot(SchemaNode root, JsonObject obj)
    {
        PruneObject(root, obj, isResource: true);
    }

    public static void Prune(SchemaNode schema, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj:
                PruneObject(schema, obj, schema.EmbeddedResource);
                break;
            case JsonArray array when schema.Items is { } items:
                foreach (var item in array)
                {
                    Prune(items, item);
                }
                break;
        }
    }

    private static void PruneObject(SchemaNode schema, JsonObject obj, bool isResource)
    {
        foreach (var (name, value) in obj.ToList())
        {
            if (isResource && name is "apiVersion" or "kind")
            {
                continue;
            }
            if (isResource && name == "metadata")
            {
                if (value is JsonObject metadata)
                {
                    foreach (var field in metadata.Select(pair => pair.Key).Where(field => !ObjectMetaFields.Contains(field)).ToList())
                    {
                        metadata.Remove(field);
                    }
                }
                continue;
            }
            if (schema.Child(name) is { } childSchema)
            {
                Prune(childSchema, value);
            }
            else if (!schema.PreserveUnknownFields)
            {
                obj.Remove(name);
            }
        }
    }
}
