using System.Diagnostics;

namespace Paas.Webhook.Tests.Support;

/// <summary>Runs the real kubectl ($KUBECTL, else the repository's .tools/bin/kubectl from scripts/install-tools.sh).</summary>
internal sealed class Kubectl(string kubeconfig)
{
    private static readonly Lazy<string> Executable = new(() => Locate());

    public async Task<KubectlResult> RunWithInputAsync(string stdin, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable.Value)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A discovery cache per run: servers on reused ports must not share one.
        start.Environment["KUBECACHEDIR"] = Path.Combine(Path.GetTempPath(), "kubectl-cache-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable.Value}");
        await process.StandardInput.WriteAsync(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"kubectl {string.Join(' ', arguments)} did not finish within 60 s");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<KubectlResult> ApplyAsync(string yaml) => RunWithInputAsync(yaml, "apply", "-f", "-");

    public Task<KubectlResult> RunAsync(params string[] arguments) => RunWithInputAsync("", arguments);

    private static string Locate([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        if (Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(source)! })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, ".tools", "bin", "kubectl");
                if (File.Exists(Path.Combine(directory.FullName, "Operator.sln")) && File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("kubectl not found: set $KUBECTL or run scripts/install-tools.sh (make tools) to install it into .tools/bin");
    }
}

/// <summary>How kubectl exited and what it printed.</summary>
internal sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
