using System.Globalization;
using System.Text.RegularExpressions;

namespace Paas.Bench.Operator;

/// <summary>
/// The heap limit .NET gives the operator in the chart's pod: 75% of the container's memory limit, which the runtime
/// reads from the cgroup. The benchmark's process has no cgroup limit, so it passes the same figure explicitly.
/// </summary>
internal static partial class ChartMemoryLimit
{
    /// <summary>The share of a container's memory limit that .NET allows the GC heap by default.</summary>
    private const double HeapShare = 0.75;

    /// <summary>The chart's <c>resources.limits.memory</c> in bytes and the heap limit it implies, or null outside the repository.</summary>
    public static (long MemoryLimit, long HeapLimit)? Find()
    {
        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var values = Path.Combine(directory.FullName, "charts", "paas-operator", "values.yaml");
            if (File.Exists(values))
            {
                var limit = LimitsMemory().Match(File.ReadAllText(values));
                if (!limit.Success)
                {
                    throw new InvalidDataException($"{values}: no resources.limits.memory in Mi or Gi; the benchmark sizes the operator's heap from it");
                }

                var bytes = long.Parse(limit.Groups["amount"].Value, CultureInfo.InvariantCulture) * (limit.Groups["unit"].Value == "Gi" ? 1L << 30 : 1L << 20);
                return (bytes, (long)(bytes * HeapShare));
            }
        }

        return null;
    }

    [GeneratedRegex(@"^resources:\s*\n(?:[ \t]+.*\n)*?[ \t]+limits:\s*\n(?:[ \t]+.*\n)*?[ \t]+memory:\s*(?<amount>\d+)(?<unit>Mi|Gi)\s*$", RegexOptions.Multiline)]
    private static partial Regex LimitsMemory();
}
