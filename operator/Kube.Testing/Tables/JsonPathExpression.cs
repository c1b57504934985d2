using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Kube.Testing.Tables;

/// <summary>
/// The JSONPath subset printer columns use: <c>.a.b</c>, <c>.a[0]</c>, <c>.a[*].b</c>, <c>['dotted.key']</c>
/// and filters like <c>[?(@.type=="Ready")]</c>.
/// </summary>
internal sealed partial class JsonPathExpression
{
    private readonly IReadOnlyList<Step> _steps;

    private JsonPathExpression(IReadOnlyList<Step> steps) => _steps = steps;

    public static JsonPathExpression Parse(string path)
    {
        var text = path.Trim();
        if (text.StartsWith('{') && text.EndsWith('}'))
            text = text[1..^1];
        if (text.StartsWith('$'))
            text = text[1..];
        var steps = new List<Step>();
        foreach (Match match in StepPattern().Matches(text))
        {
            if (match.Groups["field"].Success)
                steps.Add(new Step(StepKind.Field, match.Groups["field"].Value, null, null));
            else if (match.Groups["quoted"].Success)
                steps.Add(new Step(StepKind.Field, match.Groups["quoted"].Value, null, null));
            else if (match.Groups["index"].Success)
                steps.Add(new Step(StepKind.Index, match.Groups["index"].Value, null, null));
            else if (match.Groups["star"].Success)
                steps.Add(new Step(StepKind.All, "", null, null));
            else if (match.Groups["filterField"].Success)
                steps.Add(new Step(StepKind.Filter, "", match.Groups["filterField"].Value, match.Groups["filterValue"].Value));
        }
        return new JsonPathExpression(steps);
    }

    /// <summary>All values the path selects, in document order.</summary>
    public IReadOnlyList<JsonNode> Evaluate(JsonNode root)
    {
        IEnumerable<JsonNode> current = [root];
        foreach (var step in _steps)
            current = current.SelectMany(node => Apply(step, node)).ToList();
        return [.. current];
    }

    private static IEnumerable<JsonNode> Apply(Step step, JsonNode node)
    {
        switch (step.Kind)
        {
            case StepKind.Field when node is JsonObject obj && obj[step.Name] is { } child:
                yield return child;
                break;
            case StepKind.Index when node is JsonArray array:
                var index = int.Parse(step.Name, System.Globalization.CultureInfo.InvariantCulture);
                if (index < 0)
                    index += array.Count;
                if (index >= 0 && index < array.Count && array[index] is { } item)
                    yield return item;
                break;
            case StepKind.All when node is JsonArray all:
                foreach (var element in all.OfType<JsonNode>())
                    yield return element;
                break;
            case StepKind.Filter when node is JsonArray candidates:
                foreach (var candidate in candidates.OfType<JsonObject>())
                {
                    var value = step.FilterField!.Split('.').Aggregate((JsonNode?)candidate, (n, f) => (n as JsonObject)?[f]);
                    if (value is JsonValue v && v.ToString() == step.FilterValue)
                        yield return candidate;
                }
                break;
        }
    }

    private enum StepKind
    {
        Field,
        Index,
        All,
        Filter,
    }

    private sealed record Step(StepKind Kind, string Name, string? FilterField, string? FilterValue);

    [GeneratedRegex("""\.(?<field>[A-Za-z0-9_\-$/]+)|\[\s*['"](?<quoted>[^'"]+)['"]\s*\]|\[(?<index>-?\d+)\]|\[(?<star>\*)\]|\[\?\(@\.(?<filterField>[A-Za-z0-9_.\-]+)\s*==\s*['"](?<filterValue>[^'"]*)['"]\)\]""")]
    private static partial Regex StepPattern();
}
