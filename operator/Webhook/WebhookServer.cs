using System.Net;
using System.Security.Authentication;
using Kube.Client;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Paas.Webhook.Http;
using Paas.Webhook.Lookup;
using Paas.Webhook.Tls;

namespace Paas.Webhook;

/// <summary>
/// The running webhook: Kestrel over TLS 1.2/1.3 with a certificate that is renewed in place, serving
/// <c>/validate</c> and <c>/mutate</c>. Start one per operator process; dispose to stop.
/// </summary>
public sealed class WebhookServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly IServingCertificateSource certificates;
    private readonly CancellationTokenSource stopping;
    private readonly Task certificateLoop;

    private WebhookServer(WebApplication app, IServingCertificateSource certificates, CancellationTokenSource stopping, Task certificateLoop, Uri baseAddress)
    {
        this.app = app;
        this.certificates = certificates;
        this.stopping = stopping;
        this.certificateLoop = certificateLoop;
        BaseAddress = baseAddress;
    }

    /// <summary><c>https://&lt;listen address&gt;:&lt;port&gt;/</c>, with the port actually bound.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The caBundle published in self-signed mode (base64 PEM); null in cert-manager mode.</summary>
    public string? CaBundle => (certificates as WebhookCertificates)?.CaBundle;

    /// <summary>
    /// Makes sure the certificate exists (self-signed: in the Secret, published in the caBundles; cert-manager: mounted),
    /// then listens. <paramref name="reader"/> defaults to reading Apps and Releases from the API server.
    /// </summary>
    public static async Task<WebhookServer> StartAsync(
        WebhookOptions options, IDynamicKubeClient client, ILoggerFactory? loggers = null, IPaasObjectReader? reader = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(client);
        loggers ??= NullLoggerFactory.Instance;
        var logger = loggers.CreateLogger<WebhookServer>();
        var certificates = await CertificatesAsync(options, client, logger, cancellationToken);
        var endpoint = IPEndPoint.Parse(options.ListenAddress);

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.Services.AddSingleton(loggers);
        builder.Services.AddRoutingCore();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            // The endpoints enforce the body limit themselves, to answer with a message.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(endpoint, listen => listen.UseHttps(https =>
            {
                https.SslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
                https.ServerCertificateSelector = (_, _) => certificates.Current;
            }));
        });
        var app = builder.Build();
        app.MapPaasWebhooks(options, reader ?? new KubePaasObjectReader(client));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var stopping = new CancellationTokenSource();
        var loop = Task.Run(() => KeepCurrentAsync(certificates, logger, stopping.Token), CancellationToken.None);
        logger.LogInformation("paas.dev webhook listening on {Address} ({Mode} TLS)", address, options.TlsMode);
        return new WebhookServer(app, certificates, stopping, loop, new Uri(address.TrimEnd('/') + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        try
        {
            await certificateLoop;
        }
        catch (OperationCanceledException)
        {
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await app.StopAsync(timeout.Token);
        await app.DisposeAsync();
        stopping.Dispose();
        (certificates as IDisposable)?.Dispose();
    }

    private static async Task<IServingCertificateSource> CertificatesAsync(WebhookOptions options, IDynamicKubeClient client, ILogger logger, CancellationToken cancellationToken)
    {
        if (options.TlsMode == WebhookTlsMode.CertManager)
        {
            return MountedCertificate.Load(options.CertificateDirectory, options.CertificateCheckInterval, logger);
        }

        var certificates = new WebhookCertificates(client, options, logger);
        await certificates.EnsureAsync(cancellationToken);
        return certificates;
    }

    private static async Task KeepCurrentAsync(IServingCertificateSource certificates, ILogger logger, CancellationToken cancellationToken)
    {
        try
        {
            await certificates.RunAsync(cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        catch (Exception error)
        {
            logger.LogCritical(error, "The webhook certificate loop stopped; the current certificate keeps serving until it expires");
        }
    }
}
