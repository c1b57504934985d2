using Paas.Platform;
using Paas.Webhook.Http;

namespace Paas.Webhook;

/// <summary>Everything the webhook is told by the host (and, in a cluster, by the chart's values).</summary>
public sealed record WebhookOptions
{
    /// <summary>Limits and defaults the validators and defaulting use.</summary>
    public PlatformSettings Platform { get; init; } = PlatformSettings.Default;

    /// <summary><c>ip:port</c> to listen on; <c>127.0.0.1:0</c> picks a free loopback port (tests).</summary>
    public string ListenAddress { get; init; } = "0.0.0.0:9443";

    /// <summary>The operator's namespace: where the TLS Secret lives and where the webhook Service is.</summary>
    public string Namespace { get; init; } = "paas-system";

    /// <summary>The Service in front of the webhook; the serving certificate is issued for its cluster DNS names.</summary>
    public string ServiceName { get; init; } = "paas-operator-webhook";

    public int ServicePort { get; init; } = 443;

    /// <summary>When set (e.g. <c>https://127.0.0.1:9443</c>), the configurations call this base URL instead of the Service.</summary>
    public Uri? Url { get; init; }

    /// <summary>More DNS names or IP addresses for the self-signed serving certificate, e.g. 127.0.0.1 with <see cref="Url"/>.</summary>
    public IReadOnlyList<string> ExtraHostNames { get; init; } = [];

    /// <summary>Name of both the ValidatingWebhookConfiguration and the MutatingWebhookConfiguration.</summary>
    public string ConfigurationName { get; init; } = "paas-operator";

    /// <summary>How long the API server waits for an answer before failing the request (1 to 30).</summary>
    public int TimeoutSeconds { get; init; } = 10;

    public long MaxRequestBodyBytes { get; init; } = WebhookEndpoints.DefaultMaxRequestBodyBytes;

    public WebhookTlsMode TlsMode { get; init; } = WebhookTlsMode.SelfSigned;

    /// <summary>Self-signed mode: the Secret that holds the CA and the serving certificate, shared by all replicas.</summary>
    public string SecretName { get; init; } = "paas-operator-webhook-tls";

    /// <summary>Cert-manager mode: the folder where the Certificate's Secret is mounted (<c>tls.crt</c>, <c>tls.key</c>).</summary>
    public string CertificateDirectory { get; init; } = "/tmp/k8s-webhook-server/serving-certs";

    /// <summary>Cert-manager mode: the Certificate named in the <c>cert-manager.io/inject-ca-from</c> annotation.</summary>
    public string CertManagerCertificateName { get; init; } = "paas-operator-webhook";

    /// <summary>Self-signed mode: a certificate expiring sooner than this is replaced.</summary>
    public TimeSpan RenewBefore { get; init; } = TimeSpan.FromDays(30);

    /// <summary>How often the Secret (or the mounted files) and the caBundles are checked again.</summary>
    public TimeSpan CertificateCheckInterval { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The names the serving certificate must cover: the Service's cluster DNS names and <see cref="ExtraHostNames"/>.</summary>
    public IReadOnlyList<string> ServingHostNames =>
    [
        ServiceName,
        $"{ServiceName}.{Namespace}",
        $"{ServiceName}.{Namespace}.svc",
        $"{ServiceName}.{Namespace}.svc.cluster.local",
        .. ExtraHostNames,
    ];
}
