namespace Paas.Cli.Tests.Support;

/// <summary>What one run of <c>paas</c> left behind: its exit code and everything it wrote.</summary>
public sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>Stdout split into lines, without the trailing empty one.</summary>
    public IReadOnlyList<string> Lines => Out.Split('\n').Select(line => line.TrimEnd('\r')).SkipLast(1).ToList();

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Out}--- stderr\n{Error}";
}
