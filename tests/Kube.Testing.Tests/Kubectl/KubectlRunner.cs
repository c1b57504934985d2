using System.Diagnostics;

namespace Kube.Testing.Tests.Kubectl;

/// <summary>Runs the real kubectl 1.32 (from $KUBECTL or the repository's .tools/bin) against a kubeconfig.</summary>
public sealed class KubectlRunner(string kubeconfig)
{
    public static string Executable { get; } = Locate();

    /// <summary>Runs kubectl with <paramref name="arguments"/>; stdin is given when not null.</summary>
    public async Task<KubectlResult> RunAsync(IEnumerable<string> arguments, string? stdin = null)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("--kubeconfig");
        start.ArgumentList.Add(kubeconfig);
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // kubectl caches discovery under HOME; a fresh cache per run keeps servers on reused ports apart.
        start.Environment["KUBECACHEDIR"] = Path.Combine(Path.GetTempPath(), "kubectl-cache-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        if (stdin is not null)
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

    public Task<KubectlResult> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);

    private static string Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("KUBECTL");
        if (!string.IsNullOrEmpty(fromEnvironment) && File.Exists(fromEnvironment))
            return fromEnvironment;
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
            {
                var candidate = Path.Combine(directory.FullName, ".tools", "bin", "kubectl");
                if (File.Exists(candidate))
                    return candidate;
                break;
            }
        }
        var repository = FindRepositoryFromSource();
        var fromSource = repository is null ? null : Path.Combine(repository, ".tools", "bin", "kubectl");
        if (fromSource is not null && File.Exists(fromSource))
            return fromSource;
        throw new InvalidOperationException(
            "kubectl v1.32 not found: set $KUBECTL or run scripts/install-tools.sh to install it into .tools/bin/kubectl (/usr/bin/kubectl is not used on purpose).");
    }

    /// <summary>Test output may live outside the repository (PAAS_ARTIFACTS), so also look from this source file's path.</summary>
    private static string? FindRepositoryFromSource([System.Runtime.CompilerServices.CallerFilePath] string sourcePath = "")
    {
        for (var directory = new FileInfo(sourcePath).Directory; directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Operator.sln")))
                return directory.FullName;
        }
        return null;
    }
}

/// <summary>What kubectl printed and how it exited.</summary>
public sealed record KubectlResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
