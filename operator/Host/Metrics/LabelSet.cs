using System.Globalization;

namespace Paas.Host.Metrics;

/// <summary>The labels of one series, with Prometheus names, sorted by name so equal tag sets are one series.</summary>
internal sealed class LabelSet : IEquatable<LabelSet>
{
    private readonly string key;

    private LabelSet(IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        Labels = labels;
        key = string.Join('\u0001', labels.Select(label => label.Key + "\u0002" + label.Value));
    }

    public IReadOnlyList<KeyValuePair<string, string>> Labels { get; }

    /// <summary>The labels of a measurement's tags; a null value is an empty string, as Prometheus treats a missing label.</summary>
    public static LabelSet From(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            labels[PrometheusNames.Label(tag.Key)] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? string.Empty;
        }

        return new LabelSet([.. labels]);
    }

    /// <summary>Orders series in the output, so a scrape is deterministic.</summary>
    public static int Compare(LabelSet a, LabelSet b) => string.CompareOrdinal(a.key, b.key);

    public bool Equals(LabelSet? other) => other is not null && key == other.key;

    public override bool Equals(object? obj) => Equals(obj as LabelSet);

    public override int GetHashCode() => key.GetHashCode(StringComparison.Ordinal);
}
