using System.Text.Json.Nodes;
using Kube.Testing.Storage;

namespace Kube.Testing.Selectors;

/// <summary>A parsed field selector such as <c>metadata.name=web,metadata.namespace!=kube-system</c>.</summary>
internal sealed record FieldSelector(IReadOnlyList<FieldRequirement> Requirements)
{
    public static FieldSelector Everything { get; } = new([]);

    /// <summary>The name an equality on metadata.name pins, so a watch of one object can skip the rest cheaply.</summary>
    public string? PinnedName => Requirements.FirstOrDefault(r => r.Field == "metadata.name" && !r.Negated)?.Value;

    public bool Matches(StoredObject obj) => Requirements.All(r => r.Matches(obj));

    /// <summary>Returns the selector, or the reason it is malformed.</summary>
    public static (FieldSelector? Selector, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (Everything, null);
        var requirements = new List<FieldRequirement>();
        foreach (var raw in text.Split(','))
        {
            var part = raw.Trim();
            var (op, index) = FindOperator(part);
            if (index <= 0)
                return (null, $"invalid selector: '{part}'; can't understand '{part}'");
            var field = part[..index].Trim();
            var value = part[(index + op.Length)..].Trim();
            requirements.Add(new FieldRequirement(field, value, op == "!="));
        }
        return (new FieldSelector(requirements), null);
    }

    private static (string Operator, int Index) FindOperator(string part)
    {
        foreach (var op in new[] { "!=", "==", "=" })
        {
            var index = part.IndexOf(op, StringComparison.Ordinal);
            if (index >= 0)
                return (op, index);
        }
        return ("", -1);
    }
}

/// <summary>One field equality or inequality; fields other than name and namespace are read from the object by dotted path.</summary>
internal sealed record FieldRequirement(string Field, string Value, bool Negated)
{
    public bool Matches(StoredObject obj)
    {
        var actual = Field switch
        {
            "metadata.name" => obj.Name,
            "metadata.namespace" => obj.Namespace ?? "",
            _ => ReadPath(obj.Object, Field),
        };
        return (actual == Value) != Negated;
    }

    private static string ReadPath(JsonObject obj, string dottedPath)
    {
        JsonNode? node = obj;
        foreach (var segment in dottedPath.Split('.'))
            node = (node as JsonObject)?[segment];
        return node switch
        {
            null => "",
            JsonValue value => value.ToString(),
            _ => node.ToJsonString(),
        };
    }
}
