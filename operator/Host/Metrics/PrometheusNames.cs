using System.Text;

namespace Paas.Host.Metrics;

/// <summary>
/// Turns System.Diagnostics.Metrics names and units into Prometheus names, as OpenTelemetry's Prometheus exporter does:
/// invalid characters become '_', the unit becomes a suffix (<c>s</c> → <c>_seconds</c>), counters end in <c>_total</c>.
/// </summary>
internal static class PrometheusNames
{
    /// <summary>The family name of an instrument; <paramref name="counter"/> adds <c>_total</c>.</summary>
    public static string Metric(string instrumentName, string? unit, bool counter)
    {
        var name = Sanitise(instrumentName, allowColon: true);
        var suffix = UnitSuffix(unit);
        if (suffix.Length > 0 && !name.EndsWith("_" + suffix, StringComparison.Ordinal))
        {
            name += "_" + suffix;
        }

        if (counter && !name.EndsWith("_total", StringComparison.Ordinal))
        {
            name += "_total";
        }

        return name;
    }

    /// <summary>A label name: <c>[a-zA-Z_][a-zA-Z0-9_]*</c>, and never the reserved <c>__</c> prefix (runs of '_' collapse).</summary>
    public static string Label(string key)
    {
        return Sanitise(key, allowColon: false);
    }

    /// <summary>
    /// The unit as a word: UCUM abbreviations spelled out, <c>{annotations}</c> dropped (they are counts of something),
    /// <c>1</c> dropped; anything else sanitised as is.
    /// </summary>
    public static string UnitSuffix(string? unit)
    {
        if (string.IsNullOrEmpty(unit) || unit == "1" || (unit.StartsWith('{') && unit.EndsWith('}')))
        {
            return string.Empty;
        }

        return unit switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "us" => "microseconds",
            "ns" => "nanoseconds",
            "min" => "minutes",
            "h" => "hours",
            "By" => "bytes",
            "KiBy" => "kibibytes",
            "MiBy" => "mebibytes",
            "%" => "percent",
            _ => Sanitise(unit.Replace("/", "_per_", StringComparison.Ordinal), allowColon: false).Trim('_'),
        };
    }

    /// <summary>Invalid characters become '_'; runs of '_' collapse to one, as the OpenTelemetry spec asks of Prometheus names.</summary>
    private static string Sanitise(string text, bool allowColon)
    {
        var name = new StringBuilder(text.Length + 1);
        foreach (var c in text)
        {
            var valid = c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') || (allowColon && c == ':');
            if (valid)
            {
                name.Append(c);
            }
            else if (name.Length == 0 || name[^1] != '_')
            {
                name.Append('_');
            }
        }

        if (name.Length == 0 || char.IsAsciiDigit(name[0]))
        {
            name.Insert(0, '_');
        }

        return name.ToString();
    }
}
