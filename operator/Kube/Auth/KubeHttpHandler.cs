using System.Net;
using System.Net.Security;
using Kube.Config;

namespace Kube.Auth;

/// <summary>Builds the HTTP handler chain for a config: TLS settings on a SocketsHttpHandler, wrapped by the auth handlers it needs.</summary>
public static class KubeHttpHandler
{
    public static HttpMessageHandler Create(KubeConfig config)
    {
        var slot = new ClientCertificateSlot();
        var tls = new SslClientAuthenticationOptions
        {
            RemoteCertificateValidationCallback = ServerCertificateValidation.For(config),
        };
        if (config.ClientCertificate is { } certificate)
        {
            tls.ClientCertificateContext = SslStreamCertificateContext.Create(certificate, config.ClientCertificateChain, offline: true);
        }
        else if (config.ExecPlugin is not null)
        {
            tls.LocalCertificateSelectionCallback = (_, _, _, _, _) => slot.Current!;
        }

        HttpMessageHandler handler = new SocketsHttpHandler
        {
            SslOptions = tls,
            AutomaticDecompression = DecompressionMethods.GZip,

            // Recycled connections pick up DNS changes and a client certificate an exec plugin has renewed.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };

        if (config.ExecPlugin is { } plugin)
        {
            handler = new ExecCredentialHandler(plugin, slot) { InnerHandler = handler };
        }

        if (config.BearerToken is { } token)
        {
            handler = new BearerTokenHandler(token) { InnerHandler = handler };
        }
        else if (config.Basic is { } basic)
        {
            handler = new BasicAuthHandler(basic) { InnerHandler = handler };
        }

        return handler;
    }
}
