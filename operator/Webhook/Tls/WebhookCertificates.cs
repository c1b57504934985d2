using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Microsoft.Extensions.Logging;

namespace Paas.Webhook.Tls;

/// <summary>
/// Self-signed TLS for the webhook: a CA (10 years) and a serving certificate (1 year) kept in a Secret that every
/// replica shares, renewed before they expire, with the CA published in the caBundle of both webhook configurations.
/// When two replicas start together, the one whose create or update lands first wins and the other adopts its Secret.
/// </summary>
public sealed class WebhookCertificates : IServingCertificateSource, IDisposable
{
    public static readonly TimeSpan AuthorityValidity = TimeSpan.FromDays(3650);
    public static readonly TimeSpan ServingValidity = TimeSpan.FromDays(365);
    private const int Attempts = 5;

    private readonly IDynamicKubeClient client;
    private readonly WebhookOptions options;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CaBundlePublisher publisher;
    private readonly SemaphoreSlim ensuring = new(1, 1);
    private TlsMaterial? material;
    private volatile X509Certificate2? current;

    public WebhookCertificates(IDynamicKubeClient client, WebhookOptions options, ILogger logger, TimeProvider? time = null)
    {
        this.client = client;
        this.options = options;
        this.logger = logger;
        this.time = time ?? TimeProvider.System;
        publisher = new CaBundlePublisher(client, logger);
    }

    public X509Certificate2 Current => current ?? throw new InvalidOperationException("the webhook certificate is not loaded yet; call EnsureAsync first");

    /// <summary>The CA bundle in use, base64 of PEM, as <c>clientConfig.caBundle</c> takes it.</summary>
    public string CaBundle => material?.CaBundleBase64 ?? throw new InvalidOperationException("the webhook certificate is not loaded yet; call EnsureAsync first");

    /// <summary>Reads the Secret, creates or renews it when needed, loads the certificate and publishes the CA bundle.</summary>
    public async Task EnsureAsync(CancellationToken cancellationToken)
    {
        await ensuring.WaitAsync(cancellationToken);
        try
        {
            var ensured = await ReadOrIssueAsync(cancellationToken);
            if (ensured != material)
            {
                // The previous certificate is not disposed: a handshake may still be using it.
                current = ensured.LoadServingCertificate();
                material = ensured;
            }

            await publisher.PublishAsync(WellKnownResources.ValidatingWebhookConfigurations, options.ConfigurationName, ensured.CaBundleBase64, cancellationToken);
            await publisher.PublishAsync(WellKnownResources.MutatingWebhookConfigurations, options.ConfigurationName, ensured.CaBundleBase64, cancellationToken);
        }
        finally
        {
            ensuring.Release();
        }
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.CertificateCheckInterval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                await EnsureAsync(cancellationToken);
            }
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
            {
                // The loaded certificate keeps serving; the next tick tries again.
                logger.LogError(error, "Could not check the webhook certificate in Secret {Namespace}/{Name}", options.Namespace, options.SecretName);
            }
        }
    }

    public void Dispose()
    {
        current?.Dispose();
        ensuring.Dispose();
    }

    private async Task<TlsMaterial> ReadOrIssueAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var secret = await client.TryGetAsync(Secret.Resource, options.SecretName, options.Namespace, cancellationToken);
            var stored = TlsMaterial.FromSecretData(secret?["data"] as JsonObject);
            var now = time.GetUtcNow();
            var reason = stored is null
                ? secret is null ? "it does not exist" : "it lacks ca.crt, ca.key, tls.crt or tls.key"
                : stored.ReasonToRenew(options.ServingHostNames, now, options.RenewBefore, ServingValidity);
            if (reason is null)
            {
                return stored!;
            }

            logger.LogInformation("Issuing a new webhook certificate into Secret {Namespace}/{Name}: {Reason}", options.Namespace, options.SecretName, reason);
            var issued = Issue(stored, now);
            try
            {
                if (secret is null)
                {
                    await client.CreateAsync(Secret.Resource, NewSecret(issued), cancellationToken);
                }
                else
                {
                    secret["type"] ??= "kubernetes.io/tls";
                    secret["data"] = issued.ToSecretData();
                    await client.ReplaceAsync(Secret.Resource, secret, cancellationToken);
                }

                return issued;
            }
            catch (KubeApiException error) when (error is AlreadyExistsException or ConflictException && attempt < Attempts)
            {
                // Another replica wrote the Secret first; read it again and use theirs.
                logger.LogInformation("Another replica wrote Secret {Namespace}/{Name} first; using its certificate", options.Namespace, options.SecretName);
            }
        }
    }

    // Keeps a CA that can still sign a full-length certificate, so the caBundle does not change on every renewal;
    // a new CA is published together with the old one, so replicas still serving the old certificate stay trusted.
    private TlsMaterial Issue(TlsMaterial? stored, DateTimeOffset now)
    {
        var hosts = options.ServingHostNames;
        if (stored is not null && CaStillUsable(stored, now))
        {
            var serving = CertificateIssuer.IssueServing(stored.Authority, hosts, now, ServingValidity);
            return stored with { CertificatePem = serving.CertificatePem, KeyPem = serving.KeyPem };
        }

        var authority = CertificateIssuer.IssueAuthority(now, AuthorityValidity);
        var servingCertificate = CertificateIssuer.IssueServing(authority, hosts, now, ServingValidity);
        var previous = stored is null ? [] : SafeValidCas(stored, now);
        var bundle = string.Concat([authority.CertificatePem.TrimEnd() + "\n", .. previous.Select(pem => pem.TrimEnd() + "\n")]);
        return new TlsMaterial(bundle, authority.KeyPem, servingCertificate.CertificatePem, servingCertificate.KeyPem);
    }

    private static bool CaStillUsable(TlsMaterial stored, DateTimeOffset now)
    {
        try
        {
            using var authority = X509Certificate2.CreateFromPem(stored.Authority.CertificatePem, stored.Authority.KeyPem);
            return authority.NotAfter.ToUniversalTime() > (now + ServingValidity).UtcDateTime;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return false;
        }
    }

    private static List<string> SafeValidCas(TlsMaterial stored, DateTimeOffset now)
    {
        try
        {
            return [.. stored.CaCertificatesValidAt(now)];
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return [];
        }
    }

    private JsonObject NewSecret(TlsMaterial issued) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "Secret",
        ["metadata"] = new JsonObject
        {
            ["name"] = options.SecretName,
            ["namespace"] = options.Namespace,
            ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "paas-operator", ["app.kubernetes.io/component"] = "webhook" },
        },
        ["type"] = "kubernetes.io/tls",
        ["data"] = issued.ToSecretData(),
    };
}
