namespace Paas.Cli.Tests.Support;

/// <summary>Collects output and calls <paramref name="onReached"/> once <paramref name="lines"/> lines were written, like a user pressing Ctrl+C.</summary>
internal sealed class LineCountingWriter(int lines, Action onReached) : StringWriter
{
    private int written;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (Interlocked.Increment(ref written) == lines)
        {
            onReached();
        }
    }

    public override Task WriteLineAsync(string? value)
    {
        WriteLine(value);
        return Task.CompletedTask;
    }
}
