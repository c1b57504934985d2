using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Kube.Testing.Kubectl;

/// <summary>
/// Runs the real kubectl against a kubeconfig, to prove compatibility with a real client. The binary comes from
/// <c>$KUBECTL</c>, else the repository's <c>.tools/bin/kubectl</c> (installed by scripts/install-tools.sh); any other
/// kubectl on PATH is ignored on purpose, since its version is unknown.
/// </summary>
public sealed class KubectlProcess(string kubeconfig)
{
    private static readonly Lazy<string> Located = new(Locate);

    public static string Executable => Located.Value;

    /// <summary>Runs kubectl with <paramref name="arguments"/>, writing <paramref name="stdin"/> to its input when given.</summary>
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
        var listed = arguments.ToList();
        foreach (var argument in listed)
        {
            start.ArgumentList.Add(argument);
        }

        // kubectl caches discovery per server address; servers on reused ports must not share a cache.
        start.Environment["KUBECACHEDIR"] = Path.Combine(Path.GetTempPath(), "kubectl-cache-" + Guid.NewGuid().ToString("N"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Executable}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
        }

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
            throw new TimeoutException($"kubectl {string.Join(' ', listed)} did not finish within 60 s");
        }

        return new KubectlResult(process.ExitCode, await stdout, await stderr);
    }

    public Task<KubectlResult> RunAsync(params string[] arguments) => RunAsync((IEnumerable<string>)arguments);

    /// <summary><c>kubectl apply -f -</c> with <paramref name="yaml"/> on its input.</summary>
    public Task<KubectlResult> ApplyAsync(string yaml) => RunAsync(["apply", "-f", "-"], yaml);

    private static string Locate()
    {
        if (Environment.GetEnvironmentVariable("KUBECTL") is { Length: > 0 } configured && File.Exists(configured))
        {
            return configured;
        }

        // Build output may live outside the repository (PAAS_ARTIFACTS), so look from the output and from this source file.
        foreach (var start in new[] { AppContext.BaseDirectory, SourceDirectory() })
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

        throw new InvalidOperationException(
            "kubectl v1.32 not found: set $KUBECTL or run scripts/install-tools.sh (make tools) to install it into .tools/bin/kubectl.");
    }

    private static string SourceDirectory([CallerFilePath] string source = "") => Path.GetDirectoryName(source) ?? ".";
}
