using System.Text.Json.Nodes;
using Kube.Config;

namespace Kube.Auth;

/// <summary>The cluster details passed to a plugin in <c>KUBERNETES_EXEC_INFO</c> when it sets <c>provideClusterInfo</c>.</summary>
public sealed record ExecClusterInfo(string Server, string? CertificateAuthorityData, bool InsecureSkipTlsVerify, string? TlsServerName)
{
    public static ExecClusterInfo From(KubeConfig config)
    {
        string? caData = null;
        if (config.CertificateAuthorities.Count > 0)
        {
            var pem = string.Concat(config.CertificateAuthorities.Select(certificate => certificate.ExportCertificatePem() + "\n"));
            caData = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes(pem));
        }

        return new ExecClusterInfo(config.Server.ToString(), caData, config.InsecureSkipTlsVerify, config.TlsServerName);
    }

    internal JsonObject ToJson()
    {
        var cluster = new JsonObject { ["server"] = Server, ["insecure-skip-tls-verify"] = InsecureSkipTlsVerify };
        if (CertificateAuthorityData is not null)
        {
            cluster["certificate-authority-data"] = CertificateAuthorityData;
        }

        if (TlsServerName is not null)
        {
            cluster["tls-server-name"] = TlsServerName;
        }

        return cluster;
    }
}
