namespace Paas.Webhook.Tls;

/// <summary>A PEM certificate and its PEM (PKCS#8) private key.</summary>
internal sealed record PemPair(string CertificatePem, string KeyPem);
