using System.Globalization;

namespace Paas.Bench;

/// <summary>The benchmark names and <c>--name value</c> options of one <c>make bench</c> run.</summary>
internal sealed record BenchOptions(IReadOnlyList<string> Names, IReadOnlyDictionary<string, string> Values)
{
    /// <summary>Splits <c>operator --apps 100</c> into names and options; an option without a value is an error.</summary>
    public static BenchOptions Parse(IReadOnlyList<string> args)
    {
        var names = new List<string>();
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                names.Add(args[i]);
                continue;
            }

            var equals = args[i].IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                values[args[i][2..equals]] = args[i][(equals + 1)..];
            }
            else if (i + 1 < args.Count)
            {
                values[args[i][2..]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"option {args[i]} needs a value, e.g. {args[i]} 100");
            }
        }

        return new BenchOptions(names, values);
    }

    /// <summary>The integer option <paramref name="name"/>, or <paramref name="fallback"/> when absent.</summary>
    public int Int(string name, int fallback)
    {
        if (!Values.TryGetValue(name, out var text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new ArgumentException($"--{name} {text}: expected a positive whole number, e.g. --{name} {fallback}");
    }
}
