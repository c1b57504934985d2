using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using Kube.Client;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Paas.Bench.Operator;

/// <summary>
/// Latency from an App's spec.config edit (the merge patch's response) to both of its Deployments, web and worker,
/// being applied with the new config snapshot, seen through the benchmark's own Deployment watch. One change per App,
/// at a steady pace, several in flight.
/// </summary>
internal static class ConfigChangeLatency
{
    /// <summary>How long one change may take before it counts as lost.</summary>
    public static readonly TimeSpan PerChange = TimeSpan.FromSeconds(30);

    /// <summary>Returns the latencies of the changes that arrived and how many never did.</summary>
    public static async Task<(Latencies Latencies, int Lost)> RunAsync(
        KubeClient client, ClusterWatch watch, int apps, int changes, TimeSpan interval, CancellationToken cancellationToken)
    {
        var latencies = new Latencies();
        var lost = 0;

        // The first change alone: when nothing applies Deployments yet, one timeout says so instead of two hundred.
        if (!await ChangeAsync(client, watch, 0, apps, latencies, cancellationToken))
        {
            return (latencies, changes);
        }

        var pending = new List<Task>();
        for (var i = 1; i < changes; i++)
        {
            var change = i;
            pending.Add(Task.Run(
                async () =>
                {
                    if (!await ChangeAsync(client, watch, change, apps, latencies, cancellationToken))
                    {
                        Interlocked.Increment(ref lost);
                    }
                },
                cancellationToken));
            await Task.Delay(interval, cancellationToken);
        }

        await Task.WhenAll(pending);
        return (latencies, lost);
    }

    private static async Task<bool> ChangeAsync(KubeClient client, ClusterWatch watch, int change, int apps, Latencies latencies, CancellationToken cancellationToken)
    {
        // Change n of App n % apps: the n-th time round sets BENCH_CHANGE again, to a new value.
        var index = change % apps;
        var name = AppFleet.AppName(index);
        var config = AppFleet.InitialConfig(index);
        config["BENCH_CHANGE"] = change.ToString(CultureInfo.InvariantCulture);
        var secret = ConfigSnapshot.Of(config).SecretNameFor(name);
        var web = watch.WhenDeploymentUses($"{name}-web", secret);
        var worker = watch.WhenDeploymentUses($"{name}-worker", secret);

        var patch = new JsonObject { ["spec"] = new JsonObject { ["config"] = new JsonObject { ["BENCH_CHANGE"] = config["BENCH_CHANGE"] } } };
        var sent = Stopwatch.GetTimestamp();
        await client.MergePatchAsync<App>(name, BenchCluster.Namespace, patch, cancellationToken: cancellationToken);
        var both = Task.WhenAll(web, worker);
        if (await Task.WhenAny(both, Task.Delay(PerChange, cancellationToken)) != both)
        {
            return false;
        }

        var applied = Math.Max(web.Result, worker.Result);
        latencies.Add(Stopwatch.GetElapsedTime(sent, applied));
        return true;
    }
}
