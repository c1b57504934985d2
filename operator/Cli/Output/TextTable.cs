namespace Paas.Cli.Output;

/// <summary>Columns aligned with spaces, as <c>heroku</c> and <c>kubectl get</c> print them; plain text, so scripts and tests can read it.</summary>
public sealed class TextTable(params string[] headers)
{
    private const string Gap = "  ";
    private readonly List<string[]> rows = [];

    public int Count => rows.Count;

    public TextTable Add(params string?[] cells)
    {
        if (cells.Length != headers.Length)
        {
            throw new ArgumentException($"a row of this table has {headers.Length} cells, not {cells.Length}", nameof(cells));
        }

        rows.Add([.. cells.Select(cell => cell ?? string.Empty)]);
        return this;
    }

    public async Task WriteAsync(TextWriter writer)
    {
        var all = headers.Any(header => header.Length > 0) ? [headers, .. rows] : rows;
        if (all.Count == 0)
        {
            return;
        }

        var widths = Enumerable.Range(0, headers.Length).Select(column => all.Max(row => row[column].Length)).ToArray();
        foreach (var row in all)
        {
            var line = string.Join(Gap, row.Select((cell, column) => cell.PadRight(widths[column])));
            await writer.WriteLineAsync(line.TrimEnd());
        }
    }
}
