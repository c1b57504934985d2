using System.Net;
using System.Net.Sockets;
using Kube.Client;
using Kube.Models;
using Paas.Platform;
using Paas.Webhook;
using Paas.Webhook.Registration;

namespace Paas.Host.Running;

/// <summary>Starts the paas.dev admission webhook beside the controllers, and in embedded mode registers it too.</summary>
internal static class AdmissionWebhook
{
    /// <summary>
    /// In a cluster the chart registers the webhook configurations and the webhook only publishes its CA into them.
    /// Embedded, nothing else would register them, so they are registered here by URL for a webhook on 127.0.0.1,
    /// which makes <c>kubectl apply</c> against the embedded server reject bad objects as a cluster would.
    /// </summary>
    public static async Task<WebhookServer?> StartAsync(RunSettings settings, PlatformSettings platform, KubeClient client, bool embedded, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (!settings.Webhook)
        {
            return null;
        }

        var port = embedded ? FreeLoopbackPort() : 0;
        var options = new WebhookOptions
        {
            Platform = platform,
            ListenAddress = embedded ? $"127.0.0.1:{port}" : settings.WebhookAddress,
            Url = embedded ? new Uri($"https://127.0.0.1:{port}/") : null,
            Namespace = embedded ? "kube-system" : settings.WebhookNamespace ?? Environment.GetEnvironmentVariable("POD_NAMESPACE") ?? "paas-system",
            ExtraHostNames = embedded ? ["127.0.0.1"] : [],
            TlsMode = settings.WebhookCertManager ? WebhookTlsMode.CertManager : WebhookTlsMode.SelfSigned,
        };
        if (embedded)
        {
            // Registered before the webhook starts, as the chart would be installed first; the webhook then publishes
            // its CA into them like in a cluster.
            var (validating, mutating) = WebhookConfigurations.Render(options);
            var apply = new ApplyOptions("paas-operator", Force: true);
            await client.Dynamic.ApplyAsync(WellKnownResources.ValidatingWebhookConfigurations, validating, apply, cancellationToken: cancellationToken);
            await client.Dynamic.ApplyAsync(WellKnownResources.MutatingWebhookConfigurations, mutating, apply, cancellationToken: cancellationToken);
        }

        var server = await WebhookServer.StartAsync(options, client.Dynamic, loggers, cancellationToken: cancellationToken);
        return server;
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
