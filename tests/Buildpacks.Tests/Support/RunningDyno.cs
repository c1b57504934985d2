using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Paas.Buildpacks.Tests.Support;

/// <summary>
/// One process type of a slug started with buildpacks/bin/start in its own process group (through setsid), so that
/// disposing it kills the whole tree the command started: sh, npm, node.
/// </summary>
internal sealed class RunningDyno : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private RunningDyno(Process process, int port)
    {
        this.process = process;
        Port = port;
    }

    public int Port { get; }

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public static RunningDyno Start(string slugDirectory, string processType)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Repository.Runner("start"), slugDirectory, processType })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // The samples listen on every interface like a dyno; tests keep them on loopback.
        start.Environment["HOST"] = "127.0.0.1";
        var process = new Process { StartInfo = start };
        var dyno = new RunningDyno(process, port);
        process.OutputDataReceived += (_, line) => dyno.Append(line.Data);
        process.ErrorDataReceived += (_, line) => dyno.Append(line.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return dyno;
    }

    /// <summary>Polls GET / until it answers 200; returns the body, or throws with the dyno's output at the deadline.</summary>
    public async Task<string> WaitForHttpOkAsync(TimeSpan deadline)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        var last = "no answer yet";
        while (clock.Elapsed < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"the dyno exited with {process.ExitCode} before answering:\n{Output}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{Port}/"));
                var body = await response.Content.ReadAsStringAsync();
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return body;
                }

                last = $"HTTP {(int)response.StatusCode}";
            }
            catch (HttpRequestException exception)
            {
                last = exception.Message;
            }
            catch (TaskCanceledException)
            {
                last = "request timed out";
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"no HTTP 200 from port {Port} within {deadline} (last: {last}):\n{Output}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            await SignalGroupAsync("TERM");
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                await SignalGroupAsync("KILL");
            }
        }

        // Children that ignored TERM after the leader left still share the group.
        await SignalGroupAsync("KILL");
        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task SignalGroupAsync(string signal)
    {
        // setsid made the dyno's pid its process group id; a negative pid signals the whole group.
        await Script.RunAsync("kill", [$"-{signal}", "--", $"-{process.Id}"]);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}
