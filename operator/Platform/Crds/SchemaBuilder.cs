using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Kube.Models;

namespace Paas.Platform.Crds;

/// <summary>
/// Builds structural OpenAPI v3 schemas from the System.Text.Json metadata of a type, so the schema
/// names exactly the fields the serializer writes, plus the constraints the schema attributes add.
/// </summary>
internal sealed class SchemaBuilder(JsonSerializerOptions options)
{
    public JsonObject ForKind(Type kind)
    {
        var schema = ForObject(kind);
        var properties = (JsonObject)schema["properties"]!;
        properties["apiVersion"] = KnownSchemas.ApiVersion();
        properties["kind"] = KnownSchemas.Kind();
        properties["metadata"] = KnownSchemas.ObjectMeta();
        return schema;
    }

    private JsonObject ForType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            return new JsonObject { ["type"] = "string" };
        }

        if (type == typeof(bool))
        {
            return new JsonObject { ["type"] = "boolean" };
        }

        if (type == typeof(int))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        }

        if (type == typeof(long))
        {
            return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        }

        if (type == typeof(double))
        {
            return new JsonObject { ["type"] = "number", ["format"] = "double" };
        }

        if (type == typeof(DateTimeOffset) || type == typeof(DateTime))
        {
            return new JsonObject { ["type"] = "string", ["format"] = "date-time" };
        }

        if (type == typeof(ObjectMeta))
        {
            return KnownSchemas.ObjectMeta();
        }

        if (type == typeof(Condition))
        {
            return KnownSchemas.Condition();
        }

        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Dictionary => DictionaryOf(info),
            JsonTypeInfoKind.Enumerable => new JsonObject { ["type"] = "array", ["items"] = ForType(info.ElementType!) },
            JsonTypeInfoKind.Object => ForObject(type),
            _ => throw new NotSupportedException($"no OpenAPI mapping for {type}; add one to {nameof(SchemaBuilder)} or use a supported type"),
        };
    }

    private JsonObject DictionaryOf(JsonTypeInfo info)
    {
        if (info.KeyType != typeof(string))
        {
            throw new NotSupportedException($"map {info.Type} must have string keys to be a structural schema");
        }

        return new JsonObject { ["type"] = "object", ["additionalProperties"] = ForType(info.ElementType!) };
    }

    private JsonObject ForObject(Type type)
    {
        var info = options.GetTypeInfo(type);
        var schema = new JsonObject { ["type"] = "object" };
        if (type.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            schema["description"] = description.Description;
        }

        var properties = new JsonObject();
        var required = new List<string>();
        foreach (var property in info.Properties)
        {
            var member = MemberOf(type, property);
            var propertySchema = ForType(property.PropertyType);
            ApplyAttributes(propertySchema, member);
            properties[property.Name] = propertySchema;
            if (property.IsRequired)
            {
                required.Add(property.Name);
            }
        }

        schema["properties"] = properties;
        if (required.Count > 0)
        {
            schema["required"] = new JsonArray([.. required.Order(StringComparer.Ordinal).Select(r => (JsonNode)r)]);
        }

        AddValidations(schema, type.GetCustomAttributes<CelAttribute>());
        return schema;
    }

    private static MemberInfo MemberOf(Type type, JsonPropertyInfo property)
    {
        if (property.AttributeProvider is MemberInfo member)
        {
            return member;
        }

        // Source generation may leave the provider unset; the JSON name is the camelCase of the CLR name.
        return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Single(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name) == property.Name);
    }

    private static void ApplyAttributes(JsonObject schema, MemberInfo member)
    {
        if (member.GetCustomAttribute<DescriptionAttribute>() is { } description)
        {
            schema["description"] = description.Description;
        }

        if (member.GetCustomAttribute<EnumFromAttribute>() is { } enumFrom)
        {
            schema["enum"] = new JsonArray([.. ConstantsOf(enumFrom.Constants).Select(v => (JsonNode)v)]);
        }

        if (member.GetCustomAttribute<DefaultValueAttribute>() is { Value: { } value })
        {
            schema["default"] = JsonValue.Create(value);
        }

        if (member.GetCustomAttribute<PatternAttribute>() is { } pattern)
        {
            schema["pattern"] = pattern.Regex;
        }

        if (member.GetCustomAttribute<MinLengthAttribute>() is { } minLength)
        {
            schema["minLength"] = minLength.Value;
        }

        if (member.GetCustomAttribute<MaxLengthAttribute>() is { } maxLength)
        {
            schema["maxLength"] = maxLength.Value;
        }

        if (member.GetCustomAttribute<MinimumAttribute>() is { } minimum)
        {
            schema["minimum"] = minimum.Value;
        }

        if (member.GetCustomAttribute<MaximumAttribute>() is { } maximum)
        {
            schema["maximum"] = maximum.Value;
        }

        if (member.GetCustomAttribute<MaxItemsAttribute>() is { } maxItems)
        {
            schema[(string?)schema["type"] == "array" ? "maxItems" : "maxProperties"] = maxItems.Value;
        }

        if (member.GetCustomAttribute<ListMapKeysAttribute>() is { } listMap)
        {
            schema["x-kubernetes-list-type"] = "map";
            schema["x-kubernetes-list-map-keys"] = new JsonArray([.. listMap.Keys.Select(k => (JsonNode)k)]);
        }

        AddValidations(schema, member.GetCustomAttributes<CelAttribute>());
    }

    private static void AddValidations(JsonObject schema, IEnumerable<CelAttribute> rules)
    {
        foreach (var rule in rules.OrderBy(r => r.Order).ThenBy(r => r.Rule, StringComparer.Ordinal))
        {
            if (schema["x-kubernetes-validations"] is not JsonArray validations)
            {
                validations = [];
                schema["x-kubernetes-validations"] = validations;
            }

            var validation = new JsonObject { ["rule"] = rule.Rule, ["message"] = rule.Message };
            if (rule.FieldPath is { } fieldPath)
            {
                validation["fieldPath"] = fieldPath;
            }

            validations.Add(validation);
        }
    }

    /// <summary>The values of the <c>const string</c> fields of a constants class, in declaration order.</summary>
    internal static IReadOnlyList<string> ConstantsOf(Type constants) =>
        [.. constants.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .OrderBy(f => f.MetadataToken)
            .Select(f => (string)f.GetRawConstantValue()!)];
}
