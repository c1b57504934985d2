using System.Text.Json.Nodes;

namespace Kube.Testing.Admission;

/// <summary>Evaluates a metav1.LabelSelector (matchLabels and matchExpressions); an absent or empty selector matches everything.</summary>
internal static class LabelSelector
{
    public static bool Matches(JsonObject? selector, IReadOnlyDictionary<string, string> labels)
    {
        if (selector is null)
        {
            return true;
        }
        foreach (var (key, value) in selector["matchLabels"] as JsonObject ?? [])
        {
            if (!labels.TryGetValue(key, out var actual) || actual != (string?)value)
            {
                return false;
            }
        }
        foreach (var expression in (selector["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var key = (string?)expression["key"] ?? "";
            var values = (expression["values"] as JsonArray ?? []).Select(v => (string?)v).ToList();
            var present = labels.TryGetValue(key, out var actual);
            var matches = (string?)expression["operator"] switch
            {
                "In" => present && values.Contains(actual),
                "NotIn" => !present || !values.Contains(actual),
                "Exists" => present,
                "DoesNotExist" => !present,
                _ => false,
            };
            if (!matches)
            {
                return false;
            }
        }
        return true;
    }

    public static IReadOnlyDictionary<string, string> LabelsOf(JsonObject? obj) =>
        (obj?["metadata"]?["labels"] as JsonObject)?.ToDictionary(pair => pair.Key, pair => (string?)pair.Value ?? "", StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
}
