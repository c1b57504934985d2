using System.Text.Json.Nodes;

namespace Kube.Testing.Schema;

/// <summary>Applies <c>default</c> values where the parent object exists: missing fields, or null ones that are not nullable.</summary>
internal static class SchemaDefaulter
{
    public static void Apply(SchemaNode schema, JsonNode? value)
    {
        switch (value)
        {
            case JsonObject obj:
                foreach (var (name, property) in schema.Properties)
                {
                    if (property.Default is not null && (!obj.TryGetPropertyValue(name, out var current) || (current is null && !property.Nullable)))
                    {
                        obj[name] = property.Default.DeepClone();
                    }
                }
                foreach (var (name, child) in obj.ToList())
                {
                    if (schema.Child(name) is { } childSchema)
                    {
                        Apply(childSchema, child);
                    }
                }
                break;
            case JsonArray array when schema.Items is { } items:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is null && items.Default is not null && !items.Nullable)
                    {
                        array[i] = items.Default.DeepClone();
                    }
                    Apply(items, array[i]);
                }
                break;
        }
    }
}
