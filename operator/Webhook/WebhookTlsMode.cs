namespace Paas.Webhook;

/// <summary>Where the webhook's serving certificate comes from.</summary>
public enum WebhookTlsMode
{
    /// <summary>The operator makes a CA and a certificate, keeps them in a Secret and writes the CA into the caBundles.</summary>
    SelfSigned,

    /// <summary>Cert-manager issues the certificate into a mounted Secret and its CA injector fills the caBundles.</summary>
    CertManager,
}
