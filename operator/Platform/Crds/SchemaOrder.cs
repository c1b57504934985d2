using System.Text.Json.Nodes;

namespace Paas.Platform.Crds;

/// <summary>Puts schema keys in one fixed order so the generated YAML is stable and reads top-down.</summary>
internal static class SchemaOrder
{
    private static readonly string[] KeyOrder =
    [
        "description", "type", "format", "enum", "default", "pattern", "minLength", "maxLength",
        "minimum", "maximum", "maxItems", "maxProperties", "items", "additionalProperties", "properties", "required",
        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-validations",
    ];

    public static JsonObject Canonical(JsonObject schema)
    {
        var ordered = new JsonObject();
        var keys = schema.Select(p => p.Key)
            .OrderBy(k => Array.IndexOf(KeyOrder, k) is var i && i < 0 ? int.MaxValue : i)
            .ThenBy(k => k, StringComparer.Ordinal)
            .ToList();
        foreach (var key in keys)
        {
            var value = schema[key];
            ordered[key] = key switch
            {
                "properties" => SortedProperties((JsonObject)value!),
                "items" or "additionalProperties" when value is JsonObject nested => Canonical(nested),
                _ => value?.DeepClone(),
            };
        }

        return ordered;
    }

    private static JsonObject SortedProperties(JsonObject properties)
    {
        var sorted = new JsonObject();
        foreach (var (name, schema) in properties.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            sorted[name] = Canonical((JsonObject)schema!);
        }

        return sorted;
    }
}
