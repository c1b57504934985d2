using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Kube.Config;

/// <summary>Loads PEM certificates and keys (RSA, EC and PKCS#8) as kubeconfig and ExecCredential carry them.</summary>
public static class PemCredentials
{
    /// <summary>All certificates in a PEM bundle; <paramref name="what"/> names the source in errors.</summary>
    public static X509Certificate2Collection LoadCertificates(byte[] pem, string what)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPem(Encoding.ASCII.GetString(pem));
        }
        catch (CryptographicException e)
        {
            throw new KubeConfigException($"{what} is not a valid PEM certificate bundle: {e.Message}", e);
        }

        return certificates.Count > 0
            ? certificates
            : throw new KubeConfigException($"{what} holds no PEM certificate (expected -----BEGIN CERTIFICATE-----)");
    }

    /// <summary>The leaf certificate bound to its private key, plus any intermediates that follow it in the PEM.</summary>
    public static (X509Certificate2 Leaf, X509Certificate2Collection Chain) LoadClientCertificate(byte[] certificatePem, byte[] keyPem, string what)
    {
        var all = LoadCertificates(certificatePem, $"{what} client-certificate");
        X509Certificate2 leaf;
        try
        {
            using var withKey = X509Certificate2.CreateFromPem(Encoding.ASCII.GetString(certificatePem), Encoding.ASCII.GetString(keyPem));

            // An ephemeral key cannot always be used by the TLS stack; a PKCS#12 round trip gives it a usable home.
            leaf = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
        catch (CryptographicException e)
        {
            throw new KubeConfigException($"{what} client-key does not hold a PEM private key matching the client certificate: {e.Message}", e);
        }

        var chain = new X509Certificate2Collection();
        foreach (var certificate in all.Skip(1))
        {
            chain.Add(certificate);
        }

        return (leaf, chain);
    }
}
