using System.Globalization;
using System.Text;

namespace Paas.Bench;

/// <summary>Renders measurements as a Markdown table, for the terminal and for bench/results/.</summary>
internal static class ResultTable
{
    public static string Render(IReadOnlyList<Measurement> measurements, DateTimeOffset when)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# make bench, {when:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
        text.AppendLine();
        text.AppendLine("| benchmark | figure | value | unit | conditions |");
        text.AppendLine("| --- | --- | ---: | --- | --- |");
        foreach (var m in measurements)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Benchmark} | {m.Figure} | {m.FormattedValue} | {m.Unit} | {m.Conditions} |");
        }

        return text.ToString();
    }

    public static async Task<string> SaveAsync(string table, DateTimeOffset when)
    {
        var directory = Path.Combine("bench", "results");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, $"{when:yyyyMMdd-HHmmss}.md");
        await File.WriteAllTextAsync(path, table);
        return path;
    }
}
