using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Kube.Config;

namespace Kube.Auth;

/// <summary>
/// Checks the API server's certificate against the configured CAs only (not the system store), and against
/// <c>tls-server-name</c> when set.
/// </summary>
public static class ServerCertificateValidation
{
    /// <summary>The callback for a config, or null when the platform's default validation is what the config asks for.</summary>
    public static RemoteCertificateValidationCallback? For(KubeConfig config)
    {
        if (config.InsecureSkipTlsVerify)
        {
            return (_, _, _, _) => true;
        }

        if (config.CertificateAuthorities.Count == 0 && config.TlsServerName is null)
        {
            return null;
        }

        var authorities = config.CertificateAuthorities;
        var serverName = config.TlsServerName;
        return (_, certificate, presentedChain, errors) =>
            Validate(certificate, presentedChain, errors, authorities, serverName);
    }

    private static bool Validate(
        System.Security.Cryptography.X509Certificates.X509Certificate? certificate,
        X509Chain? presentedChain,
        SslPolicyErrors errors,
        X509Certificate2Collection authorities,
        string? serverName)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        var nameMatches = serverName is null
            ? !errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            : leaf.MatchesHostname(serverName);
        if (!nameMatches)
        {
            return false;
        }

        if (authorities.Count == 0)
        {
            return !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presentedChain is not null)
        {
            foreach (var element in presentedChain.ChainElements.Skip(1))
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf);
    }
}
