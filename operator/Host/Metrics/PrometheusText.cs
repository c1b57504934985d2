using System.Globalization;
using System.Text;

namespace Paas.Host.Metrics;

/// <summary>The escaping and number rules of the Prometheus text exposition format, version 0.0.4.</summary>
internal static class PrometheusText
{
    /// <summary>The Content-Type a scraper expects for this format.</summary>
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>A label value: backslash, double quote and line feed escaped.</summary>
    public static string LabelValue(string value) =>
        value.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    /// <summary>HELP text: backslash and line feed escaped (quotes stay as they are).</summary>
    public static string Help(string text) =>
        text.Replace("\\", @"\\", StringComparison.Ordinal).Replace("\n", @"\n", StringComparison.Ordinal);

    /// <summary>A sample value: Go's ParseFloat spellings of infinity and NaN, else the shortest round-trip form.</summary>
    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    /// <summary>Appends <c>{a="1",b="2"}</c>, or nothing for no labels.</summary>
    public static void AppendLabels(StringBuilder text, IReadOnlyList<KeyValuePair<string, string>> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }

        text.Append('{');
        for (var i = 0; i < labels.Count; i++)
        {
            if (i > 0)
            {
                text.Append(',');
            }

            text.Append(labels[i].Key).Append("=\"").Append(LabelValue(labels[i].Value)).Append('"');
        }

        text.Append('}');
    }
}
