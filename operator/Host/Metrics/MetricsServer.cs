using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Paas.Host.Running;

namespace Paas.Host.Metrics;

/// <summary>
/// Serves <c>GET /metrics</c> in the Prometheus text format from a <see cref="PrometheusExporter"/> on its own port, so
/// the chart's metrics Service and a ServiceMonitor can reach it without reaching the probes or the webhook.
/// </summary>
internal static class MetricsServer
{
    /// <summary>The address in a cluster: every interface, port 8080, as controller-runtime operators use.</summary>
    public const string DefaultAddress = ":8080";

    /// <summary>The address in embedded (local) mode: loopback only, skipped with a warning if the port is taken.</summary>
    public const string EmbeddedAddress = "127.0.0.1:8080";

    /// <summary>
    /// Starts serving on <paramref name="address"/> (<c>host:port</c>, <c>:port</c> for every interface, <c>0</c> for
    /// off). When <paramref name="optional"/> and the port is in use, logs why and returns null instead of failing.
    /// </summary>
    public static async Task<WebApplication?> StartAsync(
        string address, PrometheusExporter exporter, bool optional, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(exporter);
        if (address is "0" or "")
        {
            logger.LogInformation("Metrics are off (--metrics-address 0)");
            return null;
        }

        var app = FixedPathServer.Build($"http://{ListenUrlHost(address)}", new Dictionary<string, Func<FixedPathServer.Answer>>(StringComparer.Ordinal)
        {
            ["/metrics"] = () => new FixedPathServer.Answer(StatusCodes.Status200OK, PrometheusText.ContentType, exporter.Scrape()),
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (Exception e) when (optional && e is IOException or AddressInUseException or SocketException)
        {
            logger.LogWarning("Metrics are off: {Address} is in use ({Error}); pass --metrics-address host:port to serve them elsewhere", address, e.Message);
            await app.DisposeAsync();
            return null;
        }

        logger.LogInformation("Metrics at http://{Address}/metrics", address);
        return app;
    }

    /// <summary><c>:8080</c> means every interface, as in Go; Kestrel spells that <c>*:8080</c>.</summary>
    private static string ListenUrlHost(string address)
    {
        if (address.StartsWith(':'))
        {
            return "*" + address;
        }

        return IPEndPoint.TryParse(address, out var endpoint) && endpoint.AddressFamily == AddressFamily.InterNetworkV6
            ? $"[{endpoint.Address}]:{endpoint.Port}"
            : address;
    }
}
