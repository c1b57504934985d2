using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Paas.Platform.Dynos;

namespace Paas.Host.Running.Settings;

/// <summary>
/// Checks a settings tree against the shape of the records it will become, before deserializing, so that every
/// unknown key and every value of the wrong type is reported at once with its path and the fix.
/// The shape comes from the serializer's own metadata: new properties of the records need nothing here.
/// </summary>
internal static class SettingsShape
{
    public static void Check(JsonNode? node, JsonTypeInfo type, string path, List<string> errors)
    {
        if (type.Type == typeof(DynoSizeTable))
        {
            Check(node, type.Options.GetTypeInfo(typeof(DynoSize[])), path, errors);
            return;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object:
                CheckObject(node, type, path, errors);
                break;
            case JsonTypeInfoKind.Enumerable when node is JsonArray items:
                for (var i = 0; i < items.Count; i++)
                {
                    CheckValue(items[i], type.Options.GetTypeInfo(type.ElementType!), allowsNull: false, $"{path}[{i}]", errors);
                }

                break;
            case JsonTypeInfoKind.Dictionary when node is JsonObject entries:
                foreach (var (key, value) in entries)
                {
                    CheckValue(value, type.Options.GetTypeInfo(type.ElementType!), allowsNull: false, Join(path, key), errors);
                }

                break;
            case JsonTypeInfoKind.Enumerable:
                errors.Add(Wrong(path, node, "a list"));
                break;
            case JsonTypeInfoKind.Dictionary:
                errors.Add(Wrong(path, node, "a mapping of names to values"));
                break;
            default:
                CheckScalar(node, type.Type, path, errors);
                break;
        }
    }

    private static void CheckObject(JsonNode? node, JsonTypeInfo type, string path, List<string> errors)
    {
        if (node is not JsonObject obj)
        {
            errors.Add(Wrong(path, node, "a mapping with the keys " + string.Join(", ", type.Properties.Select(p => p.Name))));
            return;
        }

        foreach (var (key, value) in obj)
        {
            var property = type.Properties.FirstOrDefault(p => p.Name == key);
            if (property is null)
            {
                errors.Add(Unknown(Join(path, key), key, [.. type.Properties.Select(p => p.Name)]));
                continue;
            }

            CheckValue(value, type.Options.GetTypeInfo(property.PropertyType), AllowsNull(property), Join(path, key), errors);
        }

        foreach (var required in RequiredKeys(type).Where(name => !obj.ContainsKey(name)))
        {
            errors.Add($"{Join(path, required)}: is missing; every entry here needs {string.Join(", ", RequiredKeys(type))}.");
        }
    }

    private static void CheckValue(JsonNode? value, JsonTypeInfo type, bool allowsNull, string path, List<string> errors)
    {
        if (value is null)
        {
            if (!allowsNull)
            {
                errors.Add($"{path}: value null is invalid: this setting cannot be empty; give it a value or remove the key to keep the default.");
            }

            return;
        }

        Check(value, type, path, errors);
    }

    private static void CheckScalar(JsonNode? node, Type type, string path, List<string> errors)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        var kind = node?.GetValueKind();
        var fits = target switch
        {
            _ when target == typeof(string) => kind == JsonValueKind.String,
            _ when target == typeof(bool) => kind is JsonValueKind.True or JsonValueKind.False,
            _ when target == typeof(int) || target == typeof(long) => kind == JsonValueKind.Number && IsWhole(node!, target),
            _ when target == typeof(double) || target == typeof(decimal) => kind == JsonValueKind.Number,
            _ when target == typeof(TimeSpan) => kind == JsonValueKind.String && DurationConverter.TryParse(node!.GetValue<string>(), out _),
            _ => true,
        };
        if (!fits)
        {
            errors.Add(Wrong(path, node, Expected(target)));
        }
    }

    private static bool IsWhole(JsonNode node, Type target)
    {
        var text = node.ToJsonString();
        return target == typeof(int) ? int.TryParse(text, out _) : long.TryParse(text, out _);
    }

    private static string Expected(Type target) => target switch
    {
        _ when target == typeof(string) => "a string (quote values such as \"true\" or \"1.0\" that YAML would read as another type)",
        _ when target == typeof(bool) => "true or false",
        _ when target == typeof(int) => "a whole number (32-bit)",
        _ when target == typeof(long) => "a whole number",
        _ when target == typeof(TimeSpan) => "a duration such as 90s, 15m, 1h or 1h30m",
        _ => $"a {target.Name}",
    };

    private static string Wrong(string path, JsonNode? node, string expected) =>
        $"{path}: value {SettingsFile.Describe(node)} is invalid: expected {expected}; change the value (or remove the key to keep the default).";

    private static string Unknown(string path, string key, IReadOnlyList<string> known)
    {
        var closest = known.MinBy(name => Distance(name.ToUpperInvariant(), key.ToUpperInvariant()));
        var hint = closest is not null && Distance(closest.ToUpperInvariant(), key.ToUpperInvariant()) <= Math.Max(2, key.Length / 3)
            ? $"did you mean \"{closest}\"? "
            : "";
        return $"{path}: unknown key \"{key}\": {hint}the keys here are {string.Join(", ", known)}; rename or remove it.";
    }

    /// <summary>Positional records (no parameterless constructor) need every constructor parameter that has no default.</summary>
    private static IEnumerable<string> RequiredKeys(JsonTypeInfo type)
    {
        if (type.Type.GetConstructor(Type.EmptyTypes) is not null)
        {
            return [];
        }

        var constructor = type.Type.GetConstructors().MaxBy(c => c.GetParameters().Length);
        return constructor is null ? [] : constructor.GetParameters().Where(p => !p.HasDefaultValue).Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name!));
    }

    private static bool AllowsNull(JsonPropertyInfo property)
    {
        if (property.PropertyType.IsValueType)
        {
            return Nullable.GetUnderlyingType(property.PropertyType) is not null;
        }

        return property.AttributeProvider is PropertyInfo info && new NullabilityInfoContext().Create(info).WriteState == NullabilityState.Nullable;
    }

    private static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
