using System.Diagnostics;
using System.Text;

namespace Paas.Buildpacks.Tests.Support;

/// <summary>Runs a program to completion with extra environment variables and captures its output.</summary>
internal static class Script
{
    /// <summary>Builds can download packages; this bounds a hung one so that the test fails instead of hanging.</summary>
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    public static async Task<ScriptResult> RunAsync(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null,
        CancellationToken cancellationToken = default)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, line) => Append(line.Data, stdout, output);
        process.ErrorDataReceived += (_, line) => Append(line.Data, stderr, output);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', start.ArgumentList)} did not finish within {Deadline}:\n{output}");
        }

        // The parameterless wait drains the redirected streams.
        await process.WaitForExitAsync(CancellationToken.None);
        lock (output)
        {
            return new ScriptResult(process.ExitCode, stdout.ToString(), stderr.ToString(), output.ToString());
        }
    }

    private static void Append(string? line, StringBuilder stream, StringBuilder output)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            stream.AppendLine(line);
            output.AppendLine(line);
        }
    }
}
