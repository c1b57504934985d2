using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Paas.Bench.Builds;

/// <summary>
/// Wall time of the local build runner on samples/apps/node (buildpacks/bin/build, then bin/start until HTTP 200)
/// against the same steps by hand (npm ci in a copy, then npm start until HTTP 200), with warm and with cold caches.
/// </summary>
internal sealed class BuildBenchmark(int runs = 5) : IBenchmark
{
    private static readonly TimeSpan BootDeadline = TimeSpan.FromSeconds(120);

    public string Name => "build";

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var root = RepositoryRoot();
        var sample = Path.Combine(root, "samples", "apps", "node");
        var scratch = Directory.CreateTempSubdirectory("paas-bench-build-").FullName;
        try
        {
            var runnerCache = Path.Combine(scratch, "runner-cache");
            var npmCache = Path.Combine(scratch, "npm-cache");
            // One untimed pass of each fills the warm caches.
            await RunnerAsync(root, sample, scratch, runnerCache, cancellationToken);
            await ByHandAsync(sample, scratch, npmCache, cancellationToken);

            var timings = new Dictionary<string, List<double>>();
            for (var run = 0; run < runs; run++)
            {
                // Alternating the order spreads the machine's drift over both sides.
                var steps = new List<(string Name, Func<Task<double>> Measure)>
                {
                    ("runner warm", () => RunnerAsync(root, sample, scratch, runnerCache, cancellationToken)),
                    ("hand warm", () => ByHandAsync(sample, scratch, npmCache, cancellationToken)),
                    ("runner cold", () => RunnerAsync(root, sample, scratch, FreshDirectory(scratch), cancellationToken)),
                    ("hand cold", () => ByHandAsync(sample, scratch, FreshDirectory(scratch), cancellationToken)),
                };
                if (run % 2 == 1)
                {
                    steps.Reverse();
                }

                foreach (var (name, measure) in steps)
                {
                    var seconds = await measure();
                    (timings.TryGetValue(name, out var list) ? list : timings[name] = []).Add(seconds);
                }
            }

            var conditions = $"median of {runs}, samples/apps/node (express, package-lock.json), until HTTP 200";
            var warmRunner = Median(timings["runner warm"]);
            var warmHand = Median(timings["hand warm"]);
            var coldRunner = Median(timings["runner cold"]);
            var coldHand = Median(timings["hand cold"]);
            // Each run measures a side's pair back to back, so the pair shares the machine's load and the registry's
            // speed at that moment; on a shared machine the median of these ratios drifts less than the ratio of medians.
            var pairedCold = Median(timings["runner cold"].Zip(timings["hand cold"], (runner, hand) => runner / hand).ToList());
            var pairedWarm = Median(timings["runner warm"].Zip(timings["hand warm"], (runner, hand) => runner / hand).ToList());
            return
            [
                new("build", "bin/build + bin/start, warm PAAS_CACHE_DIR", warmRunner, "s", conditions),
                new("build", "npm ci + npm start by hand, warm npm cache", warmHand, "s", conditions),
                new("build", "ratio runner / by hand, warm (target <= 1.2)", warmRunner / warmHand, "x", conditions),
                new("build", "bin/build + bin/start, empty PAAS_CACHE_DIR", coldRunner, "s", conditions + ", packages from the npm registry"),
                new("build", "npm ci + npm start by hand, empty npm cache", coldHand, "s", conditions + ", packages from the npm registry"),
                new("build", "ratio runner / by hand, cold (target <= 1.2)", coldRunner / coldHand, "x", conditions),
                new("build", "median of the runs' own ratios, warm", pairedWarm, "x", conditions + ", each run's pair measured back to back"),
                new("build", "median of the runs' own ratios, cold", pairedCold, "x", conditions + ", each run's pair measured back to back"),
            ];
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static async Task<double> RunnerAsync(string root, string sample, string scratch, string cacheDirectory, CancellationToken cancellationToken)
    {
        var slug = FreshDirectory(scratch);
        var clock = Stopwatch.StartNew();
        await RunAsync(Path.Combine(root, "buildpacks", "bin", "build"), [sample, slug], root, new() { ["PAAS_CACHE_DIR"] = cacheDirectory }, cancellationToken);
        await StartUntilOkAsync([Path.Combine(root, "buildpacks", "bin", "start"), slug, "web"], root, cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> ByHandAsync(string sample, string scratch, string npmCache, CancellationToken cancellationToken)
    {
        var copy = FreshDirectory(scratch);
        var clock = Stopwatch.StartNew();
        await RunAsync("cp", ["-a", sample + "/.", copy], copy, [], cancellationToken);
        await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], copy, new() { ["npm_config_cache"] = npmCache }, cancellationToken);
        await StartUntilOkAsync(["npm", "start"], copy, cancellationToken);
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task RunAsync(string program, string[] arguments, string directory, Dictionary<string, string> environment, CancellationToken cancellationToken)
    {
        using var process = Process.Start(StartInfo(program, arguments, directory, environment))!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{await output}{await errors}");
        }
    }

    /// <summary>Starts the web process in its own process group (setsid), polls until HTTP 200, then kills the group.</summary>
    private static async Task StartUntilOkAsync(string[] command, string directory, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var environment = new Dictionary<string, string> { ["PORT"] = port.ToString(CultureInfo.InvariantCulture), ["HOST"] = "127.0.0.1" };
        using var process = Process.Start(StartInfo("setsid", command, directory, environment))!;
        _ = process.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
            var clock = Stopwatch.StartNew();
            while (true)
            {
                if (process.HasExited || clock.Elapsed > BootDeadline)
                {
                    throw new InvalidOperationException($"{string.Join(' ', command)} gave no HTTP 200 on port {port}");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/"), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                await Task.Delay(20, cancellationToken);
            }
        }
        finally
        {
            // setsid made the pid the group id; -pid reaches sh, npm and node alike.
            await RunAsync("kill", ["-KILL", "--", $"-{process.Id}"], directory, [], CancellationToken.None);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private static ProcessStartInfo StartInfo(string program, string[] arguments, string directory, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static string FreshDirectory(string scratch) => Directory.CreateDirectory(Path.Combine(scratch, Guid.NewGuid().ToString("N")[..12])).FullName;

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>make bench runs from the repository root; walking up also finds it from elsewhere inside the tree.</summary>
    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "buildpacks", "bin", "build")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"no buildpacks/bin/build above {Environment.CurrentDirectory}; run make bench from the repository");
    }
}
