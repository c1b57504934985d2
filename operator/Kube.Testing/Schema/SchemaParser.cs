using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kube.Testing.Schema.Cel;

namespace Kube.Testing.Schema;

/// <summary>Turns an openAPIV3Schema JSON object into <see cref="SchemaNode"/>s, compiling patterns and CEL rules up front.</summary>
internal sealed class SchemaParser
{
    public static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);
    private readonly List<string> _problems = [];

    /// <summary>Parses the whole schema; throws <see cref="SchemaBuildException"/> listing every rule or pattern it cannot enforce.</summary>
    public static SchemaNode Parse(JsonObject schema)
    {
        var parser = new SchemaParser();
        var root = parser.ParseNode(schema, "");
        return parser._problems.Count == 0 ? root : throw new SchemaBuildException(parser._problems);
    }

    private SchemaNode ParseNode(JsonObject json, string path)
    {
        var pattern = (string?)json["pattern"];
        return new SchemaNode
        {
            Type = (string?)json["type"],
            Nullable = Bool(json, "nullable"),
            Properties = (json["properties"] as JsonObject)?.ToDictionary(p => p.Key, p => ParseNode(p.Value!.AsObject(), Join(path, p.Key)), StringComparer.Ordinal)
                ?? new Dictionary<string, SchemaNode>(StringComparer.Ordinal),
            AdditionalProperties = json["additionalProperties"] is JsonObject additional ? ParseNode(additional, path + "[*]") : null,
            AdditionalPropertiesForbidden = json["additionalProperties"] is JsonValue forbid && forbid.GetValueKind() == JsonValueKind.False,
            Items = json["items"] is JsonObject items ? ParseNode(items, path + "[*]") : null,
            Required = (json["required"] as JsonArray)?.Select(r => (string)r!).ToList() ?? [],
            Enum = json["enum"] as JsonArray,
            Pattern = pattern,
            PatternRegex = pattern is null ? null : CompilePattern(pattern, path),
            MinLength = Whole(json, "minLength", path),
            MaxLength = Whole(json, "maxLength", path),
            Minimum = Number(json, "minimum"),
            Maximum = Number(json, "maximum"),
            ExclusiveMinimum = Bool(json, "exclusiveMinimum"),
            ExclusiveMaximum = Bool(json, "exclusiveMaximum"),
            MultipleOf = Number(json, "multipleOf"),
            MinItems = Whole(json, "minItems", path),
            MaxItems = Whole(json, "maxItems", path),
            MinProperties = Whole(json, "minProperties", path),
            MaxProperties = Whole(json, "maxProperties", path),
            UniqueItems = Bool(json, "uniqueItems"),
            Format = (string?)json["format"],
            IntOrString = Bool(json, "x-kubernetes-int-or-string"),
            PreserveUnknownFields = Bool(json, "x-kubernetes-preserve-unknown-fields"),
            EmbeddedResource = Bool(json, "x-kubernetes-embedded-resource"),
            AllOf = Many(json, "allOf", path),
            AnyOf = Many(json, "anyOf", path),
            OneOf = Many(json, "oneOf", path),
            Not = json["not"] is JsonObject not ? ParseNode(not, path) : null,
            Default = json["default"]?.DeepClone(),
            ListType = (string?)json["x-kubernetes-list-type"],
            ListMapKeys = (json["x-kubernetes-list-map-keys"] as JsonArray)?.Select(k => (string)k!).ToList() ?? [],
            MapType = (string?)json["x-kubernetes-map-type"],
            Rules = ParseRules(json["x-kubernetes-validations"] as JsonArray, path),
        };
    }

    private List<SchemaNode> Many(JsonObject json, string name, string path) =>
        (json[name] as JsonArray)?.OfType<JsonObject>().Select(n => ParseNode(n, path)).ToList() ?? [];

    private List<ValidationRule> ParseRules(JsonArray? rules, string path)
    {
        var parsed = new List<ValidationRule>();
        foreach (var rule in (rules ?? []).OfType<JsonObject>())
        {
            var text = (string?)rule["rule"] ?? "";
            var where = path.Length == 0 ? "the root" : path;
            try
            {
                var messageExpression = (string?)rule["messageExpression"];
                parsed.Add(new ValidationRule(
                    CelProgram.Compile(text),
                    (string?)rule["message"],
                    messageExpression is null ? null : CelProgram.Compile(messageExpression),
                    (string?)rule["fieldPath"],
                    (string?)rule["reason"] ?? "FieldValueInvalid"));
            }
            catch (CelException error)
            {
                _problems.Add($"x-kubernetes-validations rule '{text}' at {where}: {error.Message}");
            }
        }
        return parsed;
    }

    // ECMA-262 patterns are close to .NET's ECMAScript mode; patterns that need more (\p{..}) fall back to the default dialect.
    private Regex? CompilePattern(string pattern, string path)
    {
        try
        {
            return new Regex(pattern, RegexOptions.ECMAScript | RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException)
        {
            try
            {
                return new Regex(pattern, RegexOptions.CultureInvariant, RegexTimeout);
            }
            catch (ArgumentException error)
            {
                _problems.Add($"pattern '{pattern}' at {(path.Length == 0 ? "the root" : path)} is not a valid regular expression: {error.Message}");
                return null;
            }
        }
    }

    private static bool Bool(JsonObject json, string name) => json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.True;

    private long? Whole(JsonObject json, string name, string path)
    {
        if (json[name] is not JsonValue value || value.GetValueKind() != JsonValueKind.Number)
            return null;
        if (JsonNumber.TryAsLong(value, out var whole))
            return whole;
        _problems.Add($"{name} at {(path.Length == 0 ? "the root" : path)} must be a whole number, not {value.ToJsonString()}");
        return null;
    }

    private static double? Number(JsonObject json, string name) =>
        json[name] is JsonValue value && value.GetValueKind() == JsonValueKind.Number ? JsonNumber.AsDouble(value) : null;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
