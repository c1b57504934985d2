using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Logging;

namespace Kube.Tests.Tls;

/// <summary>
/// A tiny HTTPS server on 127.0.0.1 that serves one ConfigMap whose data says who the caller was: the client
/// certificate's CN (only certificates issued by <c>clientAuthority</c> are accepted) or the bearer token.
/// </summary>
public sealed class TlsTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TlsTestServer(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<TlsTestServer> StartAsync(X509Certificate2 serverCertificate, X509Certificate2? clientAuthority, Func<string?, bool>? acceptToken = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(https =>
        {
            https.ServerCertificate = serverCertificate;
            https.ClientCertificateMode = clientAuthority is null ? ClientCertificateMode.NoCertificate : ClientCertificateMode.RequireCertificate;
            https.ClientCertificateValidation = (certificate, _, _) => clientAuthority is not null && IssuedBy(certificate, clientAuthority);
        })));
        var app = builder.Build();
        app.MapGet("/api/v1/namespaces/{ns}/configmaps/{name}", (HttpContext context, string ns, string name) =>
        {
            var authorization = context.Request.Headers.Authorization.ToString();
            var token = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
            if (acceptToken is not null && !acceptToken(token))
            {
                return Results.Text("""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"Unauthorized","reason":"Unauthorized","code":401}""", "application/json", statusCode: 401);
            }

            var caller = context.Connection.ClientCertificate?.GetNameInfo(X509NameType.SimpleName, false) ?? token ?? "anonymous";
            var body = new JsonObject
            {
                ["apiVersion"] = "v1",
                ["kind"] = "ConfigMap",
                ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = ns },
                ["data"] = new JsonObject { ["caller"] = caller },
            };
            return Results.Text(body.ToJsonString(), "application/json");
        });
        await app.StartAsync();
        return new TlsTestServer(app, new Uri(app.Urls.Single()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static bool IssuedBy(X509Certificate2 certificate, X509Certificate2 authority)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
