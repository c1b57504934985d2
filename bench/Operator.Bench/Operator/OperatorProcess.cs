using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Paas.Bench.Operator;

/// <summary>
/// The operator as users run it: the Host's <c>paas-operator run</c> from its Release build output, in its own
/// process, against the benchmark's API server. Reads its peak resident memory from <c>/proc</c>.
/// </summary>
internal sealed partial class OperatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private const string OperatorEnvironmentPrefix = "PAAS_OPERATOR_ENV_";
    private readonly Queue<string> lastLines = new();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> workers = new(StringComparer.Ordinal);
    private readonly HttpClient probes = new() { Timeout = TimeSpan.FromSeconds(2) };

    private OperatorProcess(Process process, string probeAddress)
    {
        this.process = process;
        ProbeAddress = probeAddress;
    }

    public string ProbeAddress { get; }

    public int Id => process.Id;

    /// <summary>Reconcile workers of all controllers, as the operator logs them when it starts them: its write concurrency.</summary>
    public int Workers => workers.Values.Sum();

    /// <summary>Controller name to its worker count.</summary>
    public IReadOnlyDictionary<string, int> WorkersByController => workers;

    /// <summary>The Host executable: PAAS_OPERATOR_HOST, else next to this benchmark in the artifacts tree.</summary>
    public static string HostPath()
    {
        var path = Environment.GetEnvironmentVariable("PAAS_OPERATOR_HOST")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "Host", "release", "paas-operator"));
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"the operator executable {path} does not exist; build it with `dotnet build operator/Host -c Release` (same PAAS_ARTIFACTS) or set PAAS_OPERATOR_HOST", path);
    }

    /// <summary>Starts <c>paas-operator run --kubeconfig ... --leader-elect=false --webhook=false</c>, probes and metrics on free ports.</summary>
    public static OperatorProcess Start(string kubeconfig)
    {
        var probeAddress = $"127.0.0.1:{FreePort()}";
        var start = new ProcessStartInfo(HostPath())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (ChartMemoryLimit.Find() is { } limit)
        {
            start.Environment["DOTNET_GCHeapHardLimit"] = "0x" + limit.HeapLimit.ToString("X", CultureInfo.InvariantCulture);
        }

        // PAAS_OPERATOR_ENV_DOTNET_gcServer=0 sets DOTNET_gcServer=0 for the operator alone, for tuning experiments.
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
            .Select(entry => ((string)entry.Key, (string?)entry.Value))
            .Where(pair => pair.Item1.StartsWith(OperatorEnvironmentPrefix, StringComparison.Ordinal)))
        {
            start.Environment[name[OperatorEnvironmentPrefix.Length..]] = value;
        }

        foreach (var arg in new[] { "run", "--kubeconfig", kubeconfig, "--leader-elect=false", "--webhook=false", "--probe-address", probeAddress, "--metrics-address", $"127.0.0.1:{FreePort()}" })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var running = new OperatorProcess(process, probeAddress);
        process.OutputDataReceived += (_, line) => running.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => running.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    /// <summary>The last lines the operator printed, for error messages.</summary>
    public string Output
    {
        get
        {
            lock (lastLines)
            {
                return string.Join(Environment.NewLine, lastLines);
            }
        }
    }

    /// <summary>Peak resident set size (VmHWM) in bytes.</summary>
    public long PeakResidentBytes() => ReadStatusKilobytes("VmHWM:") * 1024;

    /// <summary>CPU time the process has used so far, user and system, from <c>/proc/PID/stat</c>.</summary>
    public TimeSpan CpuTime()
    {
        // Fields after the parenthesised command name; utime and stime are the 14th and 15th of the whole line.
        var stat = File.ReadAllText($"/proc/{process.Id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>Linux reports CPU times in clock ticks of USER_HZ, which is 100 on every architecture .NET runs on.</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>Current resident set size (VmRSS) in bytes.</summary>
    public long ResidentBytes() => ReadStatusKilobytes("VmRSS:") * 1024;

    /// <summary>Polls /readyz until the operator's informer caches are synced.</summary>
    public async Task WaitUntilReadyAsync(TimeSpan deadline, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the operator exited with {process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                using var response = await probes.GetAsync(new Uri($"http://{ProbeAddress}/readyz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // A slow answer under load; ask again.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken);
        }

        throw new TimeoutException($"the operator was not ready after {deadline.TotalSeconds:N0} s:{Environment.NewLine}{Output}");
    }

    /// <summary>Throws with the operator's last output when it has exited.</summary>
    public void EnsureRunning()
    {
        if (process.HasExited)
        {
            throw new InvalidOperationException($"the operator exited with {process.ExitCode}:{Environment.NewLine}{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        probes.Dispose();
        if (!process.HasExited)
        {
            // SIGTERM first, as the kubelet does, so the operator drains; SIGKILL if it does not stop.
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term.WaitForExitAsync();
            }

            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }

        process.Dispose();
    }

    private long ReadStatusKilobytes(string field)
    {
        var line = File.ReadLines($"/proc/{process.Id}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"/proc/{process.Id}/status has no {field} line");
        return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (WorkersStarted().Match(line) is { Success: true } started)
        {
            workers[started.Groups[1].Value] = int.Parse(started.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            while (lastLines.Count > 40)
            {
                lastLines.Dequeue();
            }
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"Controller (\S+) started (\d+) workers")]
    private static partial System.Text.RegularExpressions.Regex WorkersStarted();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
