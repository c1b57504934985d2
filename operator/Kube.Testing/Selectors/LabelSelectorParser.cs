using System.Text.RegularExpressions;

namespace Kube.Testing.Selectors;

/// <summary>Parses the label selector syntax of <c>?labelSelector=</c>: <c>=</c>, <c>==</c>, <c>!=</c>, <c>in</c>, <c>notin</c>, <c>key</c>, <c>!key</c>.</summary>
internal static partial class LabelSelectorParser
{
    /// <summary>Returns the selector, or the reason it is malformed.</summary>
    public static (LabelSelector? Selector, string? Error) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (LabelSelector.Everything, null);
        var requirements = new List<LabelRequirement>();
        foreach (var part in SplitTopLevel(text))
        {
            var requirement = ParseRequirement(part.Trim());
            if (requirement is null)
                return (null, $"unable to parse requirement: \"{part.Trim()}\"");
            requirements.Add(requirement);
        }
        return (new LabelSelector(requirements), null);
    }

    private static LabelRequirement? ParseRequirement(string text)
    {
        if (text.Length == 0)
            return null;
        var setMatch = SetPattern().Match(text);
        if (setMatch.Success)
        {
            var values = setMatch.Groups["values"].Value.Split(',', StringSplitOptions.TrimEntries);
            // Kubernetes: for 'in' and 'notin' the set of values cannot be empty.
            if (values.All(v => v.Length == 0) || values.Any(v => !IsValue(v)))
                return null;
            var op = setMatch.Groups["op"].Value == "in" ? LabelOperator.In : LabelOperator.NotIn;
            return IsKey(setMatch.Groups["key"].Value) ? new LabelRequirement(setMatch.Groups["key"].Value, op, values) : null;
        }
        var equality = EqualityPattern().Match(text);
        if (equality.Success)
        {
            var key = equality.Groups["key"].Value.Trim();
            var value = equality.Groups["value"].Value.Trim();
            var op = equality.Groups["op"].Value == "!=" ? LabelOperator.NotEquals : LabelOperator.Equals;
            return IsKey(key) && IsValue(value) ? new LabelRequirement(key, op, [value]) : null;
        }
        if (text.StartsWith('!'))
        {
            var key = text[1..].Trim();
            return IsKey(key) ? new LabelRequirement(key, LabelOperator.DoesNotExist, []) : null;
        }
        return IsKey(text) ? new LabelRequirement(text, LabelOperator.Exists, []) : null;
    }

    /// <summary>Splits on commas that are not inside a value set's parentheses.</summary>
    private static List<string> SplitTopLevel(string text)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '(') depth++;
            else if (text[i] == ')') depth--;
            else if (text[i] == ',' && depth == 0)
            {
                parts.Add(text[start..i]);
                start = i + 1;
            }
        }
        parts.Add(text[start..]);
        return parts;
    }

    private static bool IsKey(string key) => KeyPattern().IsMatch(key);

    private static bool IsValue(string value) => value.Length == 0 || ValuePattern().IsMatch(value);

    [GeneratedRegex(@"^(?<key>[^\s!=(),]+)\s+(?<op>in|notin)\s*\((?<values>[^()]*)\)$")]
    private static partial Regex SetPattern();

    [GeneratedRegex(@"^(?<key>[^!=]+?)\s*(?<op>==|!=|=)\s*(?<value>[^=!]*)$")]
    private static partial Regex EqualityPattern();

    [GeneratedRegex(@"^([a-z0-9]([-a-z0-9.]*[a-z0-9])?/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex(@"^[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$")]
    private static partial Regex ValuePattern();
}
