using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Paas.Webhook.Tls;

/// <summary>
/// Cert-manager mode: serves <c>tls.crt</c>/<c>tls.key</c> from a mounted Secret and reloads them when they change.
/// Kubernetes swaps a Secret volume's files through a symlink, which file watchers miss, so the files are polled.
/// The caBundles are left to cert-manager's CA injector.
/// </summary>
public sealed class MountedCertificate : IServingCertificateSource
{
    private readonly string directory;
    private readonly TimeSpan interval;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private volatile X509Certificate2 current;
    private string loadedText;

    private MountedCertificate(string directory, TimeSpan interval, ILogger logger, TimeProvider time, X509Certificate2 certificate, string text)
    {
        this.directory = directory;
        this.interval = interval;
        this.logger = logger;
        this.time = time;
        current = certificate;
        loadedText = text;
    }

    public X509Certificate2 Current => current;

    /// <summary>Loads the files now; fails with a message naming the folder when they are missing or unreadable.</summary>
    public static MountedCertificate Load(string directory, TimeSpan interval, ILogger logger, TimeProvider? time = null)
    {
        var (certificate, text) = Read(directory);
        return new MountedCertificate(directory, interval, logger, time ?? TimeProvider.System, certificate, text);
    }

    /// <summary>Reloads when the files' content changed; returns whether it did.</summary>
    public bool Reload()
    {
        var (certificatePem, keyPem) = ReadText(directory);
        if (certificatePem + keyPem == loadedText)
        {
            return false;
        }

        var (certificate, text) = Read(directory);
        current = certificate;
        loadedText = text;
        logger.LogInformation("Reloaded the webhook certificate from {Directory}; it expires on {NotAfter:u}", directory, certificate.NotAfter.ToUniversalTime());
        return true;
    }

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        while (await timer.WaitForNextTickAsync(cancellationToken))
        {
            try
            {
                Reload();
            }
            catch (Exception error) when (error is IOException or CryptographicException or UnauthorizedAccessException or InvalidDataException)
            {
                // Mid-swap or broken files: keep serving the loaded certificate and look again on the next tick.
                logger.LogWarning(error, "Could not reload the webhook certificate from {Directory}", directory);
            }
        }
    }

    private static (X509Certificate2 Certificate, string Text) Read(string directory)
    {
        var (certificatePem, keyPem) = ReadText(directory);
        try
        {
            return (ServingCertificates.Load(certificatePem, keyPem), certificatePem + keyPem);
        }
        catch (CryptographicException error)
        {
            throw new InvalidDataException($"{Path.Combine(directory, "tls.crt")} and tls.key are not a PEM certificate and its key: {error.Message}; check the cert-manager Certificate's Secret", error);
        }
    }

    private static (string CertificatePem, string KeyPem) ReadText(string directory)
    {
        var certificatePath = Path.Combine(directory, "tls.crt");
        var keyPath = Path.Combine(directory, "tls.key");
        if (!File.Exists(certificatePath) || !File.Exists(keyPath))
        {
            throw new FileNotFoundException($"the webhook certificate is not mounted: {certificatePath} and {keyPath} must exist; mount the cert-manager Certificate's Secret there, or use the self-signed mode");
        }

        return (File.ReadAllText(certificatePath), File.ReadAllText(keyPath));
    }
}
