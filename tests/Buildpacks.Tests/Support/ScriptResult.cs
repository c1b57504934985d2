namespace Paas.Buildpacks.Tests.Support;

/// <summary>How a script ended and what it printed, stdout and stderr apart and interleaved.</summary>
internal sealed record ScriptResult(int ExitCode, string StandardOutput, string StandardError, string Output)
{
    /// <summary>The whole log, for assertion messages.</summary>
    public override string ToString() => $"exit {ExitCode}\n{Output}";
}
