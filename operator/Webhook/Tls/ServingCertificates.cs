using System.Security.Cryptography.X509Certificates;

namespace Paas.Webhook.Tls;

/// <summary>Turns PEM text into a certificate Kestrel can serve with.</summary>
internal static class ServingCertificates
{
    public static X509Certificate2 Load(string certificatePem, string keyPem)
    {
        using var fromPem = X509Certificate2.CreateFromPem(certificatePem, keyPem);
        // A round trip through PKCS#12 gives the key a form every platform's TLS stack accepts.
        return X509CertificateLoader.LoadPkcs12(fromPem.Export(X509ContentType.Pkcs12), null);
    }
}
