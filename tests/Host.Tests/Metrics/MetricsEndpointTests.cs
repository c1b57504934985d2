using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Microsoft.Extensions.Logging.Abstractions;
using Paas.Host.Running;
using Paas.Platform.Api;
using static Paas.Host.Tests.Support.RunningOperator;

namespace Paas.Host.Tests.Metrics;

/// <summary>A running operator serves /metrics in the Prometheus text format with the runtime's and its own instruments.</summary>
public sealed class MetricsEndpointTests : IDisposable
{
    private readonly string stateDirectory = Directory.CreateTempSubdirectory("paas-metrics-").FullName;

    [Fact]
    public async Task A_running_operator_serves_reconcile_counts_per_controller_and_its_leadership_at_metrics()
    {
        var metricsPort = FreePort();
        var probePort = FreePort();
        var settings = Embedded(probePort) with { MetricsAddress = $"127.0.0.1:{metricsPort}" };
        using var stop = new CancellationTokenSource();
        var run = new OperatorRunner(settings, NullLoggerFactory.Instance).RunAsync(stop.Token);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{metricsPort}") };
        using var client = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = Path.Combine(stateDirectory, "kubeconfig") });
        using var probes = new HttpClient();
        await Eventually(async () => (await probes.GetAsync(new Uri($"http://127.0.0.1:{probePort}/readyz"))).IsSuccessStatusCode, run);

        await client.Dynamic.ApplyAsync(App.Resource, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "counted", ["namespace"] = "default" },
            ["spec"] = new JsonObject { ["config"] = new JsonObject { ["GREETING"] = "hi" } },
        }, new ApplyOptions("test"));

        string text = "";
        await Eventually(async () =>
        {
            using var response = await http.GetAsync(new Uri("/metrics", UriKind.Relative));
            response.Content.Headers.ContentType!.ToString().Should().Be("text/plain; version=0.0.4; charset=utf-8");
            text = await response.Content.ReadAsStringAsync();
            return text.Split('\n').Any(line => line.StartsWith("kube_runtime_reconciles_total{controller=\"app\",result=\"success\"} ", StringComparison.Ordinal));
        }, run);

        text.Should().Contain("# TYPE kube_runtime_reconciles_total counter\n")
            .And.Contain("# TYPE kube_runtime_reconcile_duration_seconds histogram\n")
            .And.Contain("kube_runtime_reconcile_duration_seconds_count{controller=\"app\"} ")
            .And.Contain("# TYPE kube_runtime_queue_depth gauge\n")
            .And.Contain("paas_operator_caches_synced 1\n")
            .And.Contain("# TYPE dotnet_process_memory_working_set_bytes gauge\n")
            .And.Contain("dotnet_gc_last_collection_heap_size_bytes{gc_heap_generation=\"gen0\"} ");
        await Eventually(async () => (await http.GetStringAsync(new Uri("/metrics", UriKind.Relative))).Contains("paas_operator_leader 1\n", StringComparison.Ordinal), run);

        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
    }

    [Fact]
    public async Task In_embedded_mode_a_taken_default_metrics_port_leaves_metrics_off_instead_of_failing_the_start()
    {
        using var holder = TryHold(8080);
        var probePort = FreePort();
        using var stop = new CancellationTokenSource();
        var run = new OperatorRunner(Embedded(probePort), NullLoggerFactory.Instance).RunAsync(stop.Token);
        using var probes = new HttpClient();

        await Eventually(async () => (await probes.GetAsync(new Uri($"http://127.0.0.1:{probePort}/readyz"))).IsSuccessStatusCode, run);

        await stop.CancelAsync();
        (await run.WaitAsync(TimeSpan.FromSeconds(30))).Should().Be(0);
    }

    [Fact]
    public async Task An_explicit_metrics_address_that_is_taken_stops_the_start()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var taken = ((IPEndPoint)holder.LocalEndpoint).Port;
        var settings = Embedded(FreePort()) with { MetricsAddress = $"127.0.0.1:{taken}" };

        var run = () => new OperatorRunner(settings, NullLoggerFactory.Instance).RunAsync(CancellationToken.None);

        await run.Should().ThrowAsync<IOException>();
    }

    public void Dispose() => Directory.Delete(stateDirectory, recursive: true);

    private RunSettings Embedded(int probePort) => new()
    {
        Embedded = true,
        StateDirectory = stateDirectory,
        CrdDirectory = Path.Combine(RepositoryRoot(), "crds"),
        ProbeAddress = $"127.0.0.1:{probePort}",
        LeaseNamespace = "kube-system",
    };

    /// <summary>Holds the port if it is free; if something else already holds it, the test's premise holds anyway.</summary>
    private static TcpListener? TryHold(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return listener;
        }
        catch (SocketException)
        {
            listener.Dispose();
            return null;
        }
    }
}
