using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kube.Testing.Schema;

/// <summary>One node of a parsed structural schema (a CRD's openAPIV3Schema or any schema inside it).</summary>
internal sealed class SchemaNode
{
    public string? Type { get; init; }
    public bool Nullable { get; init; }
    public IReadOnlyDictionary<string, SchemaNode> Properties { get; init; } = new Dictionary<string, SchemaNode>();
    public SchemaNode? AdditionalProperties { get; init; }
    public bool AdditionalPropertiesForbidden { get; init; }
    public SchemaNode? Items { get; init; }
    public IReadOnlyList<string> Required { get; init; } = [];
    public JsonArray? Enum { get; init; }
    public string? Pattern { get; init; }
    public Regex? PatternRegex { get; init; }
    public long? MinLength { get; init; }
    public long? MaxLength { get; init; }
    public double? Minimum { get; init; }
    public double? Maximum { get; init; }
    public bool ExclusiveMinimum { get; init; }
    public bool ExclusiveMaximum { get; init; }
    public double? MultipleOf { get; init; }
    public long? MinItems { get; init; }
    public long? MaxItems { get; init; }
    public long? MinProperties { get; init; }
    public long? MaxProperties { get; init; }
    public bool UniqueItems { get; init; }
    public string? Format { get; init; }
    public bool IntOrString { get; init; }
    public bool PreserveUnknownFields { get; init; }
    public bool EmbeddedResource { get; init; }
    public IReadOnlyList<SchemaNode> AllOf { get; init; } = [];
    public IReadOnlyList<SchemaNode> AnyOf { get; init; } = [];
    public IReadOnlyList<SchemaNode> OneOf { get; init; } = [];
    public SchemaNode? Not { get; init; }
    public JsonNode? Default { get; init; }
    public string? ListType { get; init; }
    public IReadOnlyList<string> ListMapKeys { get; init; } = [];
    public string? MapType { get; init; }
    public IReadOnlyList<ValidationRule> Rules { get; init; } = [];

    /// <summary>The schema of a named child: a declared property, else the additionalProperties schema.</summary>
    public SchemaNode? Child(string name) =>
        Properties.TryGetValue(name, out var property) ? property : AdditionalProperties;
}
