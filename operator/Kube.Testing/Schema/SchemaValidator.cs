using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kube.Testing.Server;

namespace Kube.Testing.Schema;

/// <summary>Validates a value against a structural schema and reports every error, worded as the Kubernetes API server words them.</summary>
internal sealed class SchemaValidator
{
    private readonly List<FieldError> _errors = [];
    private readonly RuleValidator _rules;

    private SchemaValidator() => _rules = new RuleValidator(_errors);

    /// <summary>Validates a whole custom resource; apiVersion, kind and metadata are checked only where the schema constrains name.</summary>
    public static IReadOnlyList<FieldError> ValidateRoot(SchemaNode root, JsonObject obj, JsonObject? old)
    {
        var validator = new SchemaValidator();
        foreach (var (name, value) in obj)
        {
            if (name is "apiVersion" or "kind")
            {
                continue;
            }
            var child = root.Child(name);
            if (name == "metadata")
            {
                validator.ValidateMetadata(child, value as JsonObject);
            }
            else if (child is not null)
            {
                validator.Validate(child, value, old?[name], old is not null && old.ContainsKey(name), name);
            }
            else if (root.AdditionalPropertiesForbidden)
            {
                validator._errors.Add(FieldErrors.InvalidValue("", name, $"{name} in body is a forbidden property"));
            }
        }
        foreach (var required in root.Required.Where(required => !obj.ContainsKey(required)))
        {
            validator._errors.Add(FieldErrors.RequiredValue(required));
        }
        validator._rules.Check(root, obj, old, old is not null, "");
        return validator._errors;
    }

    /// <summary>Validates one value (used for nested schemas and by tests).</summary>
    public static IReadOnlyList<FieldError> ValidateValue(SchemaNode schema, JsonNode? value, string path)
    {
        var validator = new SchemaValidator();
        validator.Validate(schema, value, null, false, path);
        return validator._errors;
    }

    private void ValidateMetadata(SchemaNode? schema, JsonObject? metadata)
    {
        foreach (var name in new[] { "name", "generateName" })
        {
            if (schema?.Properties.GetValueOrDefault(name) is { } child && metadata?[name] is { } value)
            {
                Validate(child, value, null, false, $"metadata.{name}");
            }
        }
    }

    private void Validate(SchemaNode schema, JsonNode? value, JsonNode? old, bool hasOld, string path)
    {
        if (value is null)
        {
            if (!schema.Nullable && schema.Type is not null)
            {
                _errors.Add(FieldErrors.InvalidType(path, "null", $"{path} in body must be of type {schema.Type}: \"null\""));
            }
            return;
        }
        if (!HasSchemaType(schema, value))
        {
            var actual = TypeOf(value);
            _errors.Add(FieldErrors.InvalidType(path, actual, $"{path} in body must be of type {schema.Type}: \"{actual}\""));
            return;
        }
        CheckEnum(schema, value, path);
        switch (value)
        {
            case JsonObject obj:
                CheckObject(schema, obj, old as JsonObject, path);
                break;
            case JsonArray array:
                CheckArray(schema, array, old as JsonArray, path);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.String:
                CheckString(schema, scalar.GetValue<string>(), path);
                break;
            case JsonValue scalar when scalar.GetValueKind() == JsonValueKind.Number:
                CheckNumber(schema, scalar, path);
                break;
        }
        CheckComposition(schema, value, path);
        _rules.Check(schema, value, old, hasOld, path);
    }

    private static bool HasSchemaType(SchemaNode schema, JsonNode value)
    {
        if (schema.IntOrString)
        {
            return TypeOf(value) is "string" or "integer";
        }
        return schema.Type switch
        {
            null => true,
            "number" => TypeOf(value) is "number" or "integer",
            var type => TypeOf(value) == type,
        };
    }

    private static string TypeOf(JsonNode value) => value switch
    {
        JsonObject => "object",
        JsonArray => "array",
        _ => value.GetValueKind() switch
        {
            JsonValueKind.String => "string",
            JsonValueKind.True or JsonValueKind.False => "boolean",
            JsonValueKind.Number => IsWhole(value.AsValue()) ? "integer" : "number",
            _ => "null",
        },
    };

    private static bool IsWhole(JsonValue value) => JsonNumber.TryAsLong(value, out _);

    private void CheckEnum(SchemaNode schema, JsonNode value, string path)
    {
        if (schema.Enum is { } allowed && !allowed.Any(candidate => JsonNode.DeepEquals(candidate, value)))
        {
            var names = allowed.Select(v => v is JsonValue s && s.GetValueKind() == JsonValueKind.String ? s.GetValue<string>() : FieldErrors.Show(v));
            _errors.Add(FieldErrors.Unsupported(path, value, names));
        }
    }

    private void CheckString(SchemaNode schema, string text, string path)
    {
        var length = text.EnumerateRunes().Count();
        if (schema.MaxLength is { } max && length > max)
        {
            _errors.Add(FieldErrors.TooLongValue(path, max));
        }
        if (schema.MinLength is { } min && length < min)
        {
            _errors.Add(FieldErrors.InvalidValue(path, text, $"{path} in body should be at least {min} chars long"));
        }
        if (schema.PatternRegex is { } regex && !Matches(regex, text))
        {
            _errors.Add(FieldErrors.InvalidValue(path, text, $"{path} in body should match '{schema.Pattern}'"));
        }
        if (schema.Format is { } format && !FormatChecker.IsValid(format, text))
        {
            _errors.Add(FieldErrors.InvalidType(path, text, $"{path} in body must be of type {format}: {FieldErrors.Quote(text)}"));
        }
    }

    private static bool Matches(Regex regex, string text)
    {
        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false; // a pattern that cannot decide in time does not accept the value
        }
    }

    private void CheckNumber(SchemaNode schema, JsonValue value, string path)
    {
        var number = JsonNumber.AsDouble(value);
        if (schema.Maximum is { } max && (schema.ExclusiveMaximum ? number >= max : number > max))
        {
            var relation = schema.ExclusiveMaximum ? "less than" : "less than or equal to";
            _errors.Add(FieldErrors.InvalidValue(path, value, $"{path} in body should be {relation} {FieldErrors.Number(max)}"));
        }
        if (schema.Minimum is { } min && (schema.ExclusiveMinimum ? number <= min : number < min))
        {
            var relation = schema.ExclusiveMinimum ? "greater than" : "greater than or equal to";
            _errors.Add(FieldErrors.InvalidValue(path, value, $"{path} in body should be {relation} {FieldErrors.Number(min)}"));
        }
        if (schema.MultipleOf is { } factor && factor > 0 && Math.Abs(Math.IEEERemainder(number, factor)) > 1e-9)
        {
            _errors.Add(FieldErrors.InvalidValue(path, value, $"{path} in body should be a multiple of {FieldErrors.Number(factor)}"));
        }
        if (!FormatChecker.FitsInteger(schema.Format, number))
        {
            _errors.Add(FieldErrors.InvalidValue(path, value, $"{path} in body must be of type {schema.Format}"));
        }
    }

    private void CheckObject(SchemaNode schema, JsonObject obj, JsonObject? old, string path)
    {
        foreach (var required in schema.Required.Where(required => !obj.ContainsKey(required)))
        {
            _errors.Add(FieldErrors.RequiredValue(SchemaPath.Child(path, required)));
        }
        if (schema.EmbeddedResource)
        {
            foreach (var identity in new[] { "apiVersion", "kind" }.Where(name => obj[name] is null))
            {
                _errors.Add(FieldErrors.RequiredValue(SchemaPath.Child(path, identity), "must not be empty"));
            }
        }
        if (schema.MaxProperties is { } max && obj.Count > max)
        {
            _errors.Add(FieldErrors.TooManyItems(path, obj.Count, max));
        }
        if (schema.MinProperties is { } min && obj.Count < min)
        {
            _errors.Add(FieldErrors.InvalidValue(path, (long)obj.Count, $"{path} in body should have at least {min} properties"));
        }
        foreach (var (name, value) in obj)
        {
            var hasOld = old is not null && old.ContainsKey(name);
            if (schema.Properties.TryGetValue(name, out var property))
            {
                Validate(property, value, old?[name], hasOld, SchemaPath.Child(path, name));
            }
            else if (schema.AdditionalProperties is { } additional)
            {
                Validate(additional, value, old?[name], hasOld, SchemaPath.Key(path, name));
            }
            else if (schema.AdditionalPropertiesForbidden)
            {
                _errors.Add(FieldErrors.InvalidValue(path, name, $"{SchemaPath.Child(path, name)} in body is a forbidden property"));
            }
        }
    }

    private void CheckArray(SchemaNode schema, JsonArray array, JsonArray? old, string path)
    {
        if (schema.MaxItems is { } max && array.Count > max)
        {
            _errors.Add(FieldErrors.TooManyItems(path, array.Count, max));
        }
        if (schema.MinItems is { } min && array.Count < min)
        {
            _errors.Add(FieldErrors.InvalidValue(path, (long)array.Count, $"{path} in body should have at least {min} items"));
        }
        if (schema.UniqueItems && HasDuplicates(array.Select(item => item)))
        {
            _errors.Add(FieldErrors.InvalidValue(path, "", $"{path} in body shouldn't contain duplicates"));
        }
        CheckListType(schema, array, path);
        for (var i = 0; i < array.Count; i++)
        {
            if (schema.Items is { } items)
            {
                var previous = CorrelatedItem(schema, array[i], old);
                Validate(items, array[i], previous, previous is not null, SchemaPath.Index(path, i));
            }
        }
    }

    private void CheckListType(SchemaNode schema, JsonArray array, string path)
    {
        var seen = new List<JsonNode?>();
        for (var i = 0; i < array.Count; i++)
        {
            JsonNode? identity = schema.ListType switch
            {
                "set" => array[i],
                "map" when array[i] is JsonObject item => KeyOf(item, schema.ListMapKeys),
                _ => null,
            };
            if (identity is null)
            {
                continue;
            }
            if (seen.Any(other => JsonNode.DeepEquals(other, identity)))
            {
                _errors.Add(FieldErrors.DuplicateValue(SchemaPath.Index(path, i), identity));
            }
            seen.Add(identity);
        }
    }

    // Only list-map items can be matched with their old selves; atomic and set lists have no correlation.
    private static JsonNode? CorrelatedItem(SchemaNode schema, JsonNode? item, JsonArray? old)
    {
        if (schema.ListType != "map" || old is null || item is not JsonObject current)
        {
            return null;
        }
        var key = KeyOf(current, schema.ListMapKeys);
        return old.FirstOrDefault(candidate => candidate is JsonObject o && JsonNode.DeepEquals(KeyOf(o, schema.ListMapKeys), key));
    }

    private static JsonObject KeyOf(JsonObject item, IReadOnlyList<string> keys)
    {
        var key = new JsonObject();
        foreach (var name in keys)
        {
            key[name] = item[name]?.DeepClone();
        }
        return key;
    }

    private static bool HasDuplicates(IEnumerable<JsonNode?> items)
    {
        var seen = new List<JsonNode?>();
        foreach (var item in items)
        {
            if (seen.Any(other => JsonNode.DeepEquals(other, item)))
            {
                return true;
            }
            seen.Add(item);
        }
        return false;
    }

    private void CheckComposition(SchemaNode schema, JsonNode value, string path)
    {
        foreach (var part in schema.AllOf)
        {
            Validate(part, value, null, false, path);
        }
        if (schema.AnyOf.Count > 0 && !schema.AnyOf.Any(part => ValidateValue(part, value, path).Count == 0))
        {
            _errors.Add(FieldErrors.InvalidValue(path, value, $"{path} in body must validate at least one schema (anyOf)"));
        }
        if (schema.OneOf.Count > 0 && schema.OneOf.Count(part => ValidateValue(part, value, path).Count == 0) != 1)
        {
            _errors.Add(FieldErrors.InvalidValue(path, value, $"{path} in body must validate one and only one schema (oneOf)"));
        }
        if (schema.Not is { } not && ValidateValue(not, value, path).Count == 0)
        {
            _errors.Add(FieldErrors.InvalidValue(path, value, $"{path} in body must not validate the schema (not)"));
        }
    }
}
