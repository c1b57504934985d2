using System.Collections.Concurrent;
using System.Text;

namespace Paas.Host.Metrics;

/// <summary>One Prometheus metric family: its name, type and help, and a series per label set.</summary>
internal sealed class MetricFamily(string name, string type, string? help, IReadOnlyList<double>? buckets)
{
    private readonly ConcurrentDictionary<LabelSet, Series> series = new();

    public string Name { get; } = name;

    /// <summary><c>counter</c>, <c>gauge</c> or <c>histogram</c>.</summary>
    public string Type { get; } = type;

    /// <summary>Adds to a counter or up-down counter, or records into a histogram.</summary>
    public void Record(LabelSet labels, double value)
    {
        var target = series.GetOrAdd(labels, _ => new Series(buckets));
        lock (target)
        {
            if (buckets is null)
            {
                target.Value += value;
                return;
            }

            target.Count++;
            target.Value += value;
            for (var i = 0; i < buckets.Count; i++)
            {
                if (value <= buckets[i])
                {
                    target.BucketCounts![i]++;
                    break;
                }
            }
        }
    }

    /// <summary>Replaces the value: an observable instrument reports its current total or level, a gauge its last value.</summary>
    public void Set(LabelSet labels, double value)
    {
        var target = series.GetOrAdd(labels, _ => new Series(null));
        lock (target)
        {
            target.Value = value;
        }
    }

    public void WriteTo(StringBuilder text)
    {
        var ordered = series.ToArray();
        if (ordered.Length == 0)
        {
            return;
        }

        Array.Sort(ordered, (a, b) => LabelSet.Compare(a.Key, b.Key));
        if (!string.IsNullOrEmpty(help))
        {
            text.Append("# HELP ").Append(Name).Append(' ').Append(PrometheusText.Help(help)).Append('\n');
        }

        text.Append("# TYPE ").Append(Name).Append(' ').Append(Type).Append('\n');
        foreach (var (labels, values) in ordered)
        {
            lock (values)
            {
                if (buckets is null)
                {
                    Sample(text, Name, labels.Labels, values.Value);
                    continue;
                }

                long cumulative = 0;
                for (var i = 0; i < buckets.Count; i++)
                {
                    cumulative += values.BucketCounts![i];
                    Sample(text, Name + "_bucket", [.. labels.Labels, new("le", PrometheusText.Number(buckets[i]))], cumulative);
                }

                Sample(text, Name + "_bucket", [.. labels.Labels, new("le", "+Inf")], values.Count);
                Sample(text, Name + "_sum", labels.Labels, values.Value);
                Sample(text, Name + "_count", labels.Labels, values.Count);
            }
        }
    }

    private static void Sample(StringBuilder text, string name, IReadOnlyList<KeyValuePair<string, string>> labels, double value)
    {
        text.Append(name);
        PrometheusText.AppendLabels(text, labels);
        text.Append(' ').Append(PrometheusText.Number(value)).Append('\n');
    }

    /// <summary>A series' state; for a histogram, <see cref="Value"/> is the sum and <see cref="BucketCounts"/> per bucket (not cumulative).</summary>
    private sealed class Series(IReadOnlyList<double>? buckets)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[]? BucketCounts { get; } = buckets is null ? null : new long[buckets.Count];
    }
}
