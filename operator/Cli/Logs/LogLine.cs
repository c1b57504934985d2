namespace Paas.Cli.Logs;

/// <summary>One line a dyno wrote, with the time the kubelet stamped on it.</summary>
/// <param name="Timestamp">The kubelet's RFC 3339 time, as sent (kept as text so sorting never loses precision).</param>
/// <param name="Dyno">Heroku's name for the dyno: <c>web.x7k2p</c>.</param>
/// <param name="Text">The line without its timestamp.</param>
public sealed record LogLine(string Timestamp, string Dyno, string Text)
{
    /// <summary>Splits a line of <c>GET .../log?timestamps=true</c>: the timestamp, one space, the text.</summary>
    public static LogLine Parse(string dyno, string line)
    {
        var space = line.IndexOf(' ', StringComparison.Ordinal);
        return space > 0 && DateTimeOffset.TryParse(line[..space], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out _)
            ? new LogLine(line[..space], dyno, line[(space + 1)..])
            : new LogLine(string.Empty, dyno, line);
    }

    /// <summary>As Heroku prints it: <c>2026-11-22T11:00:00.123Z app[web.x7k2p]: Listening on 5000</c>.</summary>
    public override string ToString() => Timestamp.Length == 0 ? $"app[{Dyno}]: {Text}" : $"{Timestamp} app[{Dyno}]: {Text}";
}
