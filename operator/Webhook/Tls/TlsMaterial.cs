using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json.Nodes;

namespace Paas.Webhook.Tls;

/// <summary>
/// What the TLS Secret holds: the CA bundle (the signing CA first, then a previous CA still trusted during a rotation),
/// the signing CA's key, and the serving certificate and key.
/// </summary>
internal sealed record TlsMaterial(string CaBundlePem, string CaKeyPem, string CertificatePem, string KeyPem)
{
    public const string CaCertificateKey = "ca.crt";
    public const string CaKeyKey = "ca.key";
    public const string CertificateKey = "tls.crt";
    public const string KeyKey = "tls.key";

    /// <summary>The CA bundle as <c>clientConfig.caBundle</c> wants it: base64 of the PEM text.</summary>
    public string CaBundleBase64 => Convert.ToBase64String(Encoding.UTF8.GetBytes(CaBundlePem));

    /// <summary>The signing CA: the first certificate of the bundle, with its key.</summary>
    public PemPair Authority => new(FirstCertificatePem(CaBundlePem), CaKeyPem);

    /// <summary>Reads a Secret's <c>data</c> (base64 values); null when a key is missing or not base64.</summary>
    public static TlsMaterial? FromSecretData(JsonObject? data)
    {
        string? Field(string key)
        {
            try
            {
                return data?[key] is JsonValue value && value.TryGetValue<string>(out var text) ? Encoding.UTF8.GetString(Convert.FromBase64String(text)) : null;
            }
            catch (FormatException)
            {
                return null;
            }
        }

        return (Field(CaCertificateKey), Field(CaKeyKey), Field(CertificateKey), Field(KeyKey)) is ({ } ca, { } caKey, { } cert, { } key)
            ? new TlsMaterial(ca, caKey, cert, key)
            : null;
    }

    public JsonObject ToSecretData() => new()
    {
        [CaCertificateKey] = Base64(CaBundlePem),
        [CaKeyKey] = Base64(CaKeyPem),
        [CertificateKey] = Base64(CertificatePem),
        [KeyKey] = Base64(KeyPem),
    };

    /// <summary>Why this material must be replaced at <paramref name="now"/>, or null when it can be used as it is.</summary>
    public string? ReasonToRenew(IReadOnlyList<string> hosts, DateTimeOffset now, TimeSpan renewBefore, TimeSpan servingValidity)
    {
        try
        {
            using var authority = X509Certificate2.CreateFromPem(Authority.CertificatePem, Authority.KeyPem);
            using var serving = X509Certificate2.CreateFromPem(CertificatePem, KeyPem);
            if (authority.NotAfter.ToUniversalTime() < (now + servingValidity).UtcDateTime)
            {
                return $"the CA expires on {authority.NotAfter.ToUniversalTime():u}, too soon to sign a certificate for {servingValidity.TotalDays:0} days";
            }

            if (serving.NotAfter.ToUniversalTime() < (now + renewBefore).UtcDateTime)
            {
                return $"the serving certificate expires on {serving.NotAfter.ToUniversalTime():u}, within {renewBefore.TotalDays:0} days";
            }

            if (!SignedBy(serving, authority))
            {
                return "the serving certificate was not signed by the CA in the Secret";
            }

            var missing = hosts.Where(host => !Covers(serving, host)).ToList();
            return missing.Count > 0 ? $"the serving certificate does not cover {string.Join(", ", missing)}" : null;
        }
        catch (CryptographicException error)
        {
            return $"the Secret's certificates cannot be read: {error.Message}";
        }
    }

    /// <summary>The serving certificate with its key, ready for Kestrel.</summary>
    public X509Certificate2 LoadServingCertificate() => ServingCertificates.Load(CertificatePem, KeyPem);

    /// <summary>The previous CA certificates of the bundle that are still valid at <paramref name="now"/>.</summary>
    public IEnumerable<string> CaCertificatesValidAt(DateTimeOffset now)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(CaBundlePem);
        foreach (var certificate in certificates)
        {
            using (certificate)
            {
                if (certificate.NotAfter.ToUniversalTime() > now.UtcDateTime)
                {
                    yield return certificate.ExportCertificatePem();
                }
            }
        }
    }

    private static bool SignedBy(X509Certificate2 serving, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        return chain.Build(serving);
    }

    private static bool Covers(X509Certificate2 certificate, string host)
    {
        var names = certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().FirstOrDefault();
        if (names is null)
        {
            return false;
        }

        return IPAddress.TryParse(host, out var address)
            ? names.EnumerateIPAddresses().Any(a => a.Equals(address))
            : names.EnumerateDnsNames().Any(n => string.Equals(n, host, StringComparison.OrdinalIgnoreCase));
    }

    private static string FirstCertificatePem(string bundle)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPem(bundle);
        if (certificates.Count == 0)
        {
            throw new CryptographicException("ca.crt holds no PEM certificate");
        }

        var pem = certificates[0].ExportCertificatePem();
        foreach (var certificate in certificates)
        {
            certificate.Dispose();
        }

        return pem;
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));
}
