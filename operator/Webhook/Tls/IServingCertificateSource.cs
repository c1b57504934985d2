using System.Security.Cryptography.X509Certificates;

namespace Paas.Webhook.Tls;

/// <summary>The certificate the webhook serves right now; Kestrel asks on every handshake, so a renewal needs no restart.</summary>
public interface IServingCertificateSource
{
    X509Certificate2 Current { get; }

    /// <summary>Keeps the certificate current until cancelled (checks the Secret or the mounted files again and again).</summary>
    Task RunAsync(CancellationToken cancellationToken);
}
