using System.Net;
using System.Security.Cryptography.X509Certificates;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class SecurityTests
{
    // Requests without the bearer token are 401 Unauthorized with a Status body: https://kubernetes.io/docs/reference/access-authn-authz/authentication/#putting-a-bearer-token-in-a-request
    [Fact]
    public async Task Missing_bearer_token_is_Unauthorized()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { RequiredBearerToken = "s3cret" });
        using var anonymous = new RawApi(server);
        using var authorized = new RawApi(server, token: "s3cret");

        var denied = await anonymous.GetAsync("/api/v1/namespaces");
        var allowed = await authorized.GetAsync("/api/v1/namespaces");

        denied.Status.Should().Be(HttpStatusCode.Unauthorized);
        denied.Json["reason"]!.GetValue<string>().Should().Be("Unauthorized");
        allowed.Status.Should().Be(HttpStatusCode.OK);
    }

    // The serving certificate chains to the CA handed out in the kubeconfig: https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
    [Fact]
    public async Task Tls_server_is_trusted_through_its_ca()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Tls = true });
        using var ca = X509Certificate2.CreateFromPem(server.CaCertificatePem);
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
            {
                using var chain = new X509Chain();
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
                chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
                return certificate is not null && chain.Build(certificate);
            },
        };
        using var api = new RawApi(server, handler: handler);

        var reply = await api.GetAsync("/api/v1/namespaces/default");

        server.BaseAddress.Scheme.Should().Be("https");
        server.BaseAddress.Host.Should().Be("127.0.0.1");
        reply.Status.Should().Be(HttpStatusCode.OK);
    }

    // A kubeconfig names the cluster, the user and the context: https://kubernetes.io/docs/concepts/configuration/organize-cluster-access-kubeconfig/
    [Fact]
    public async Task Kubeconfig_holds_server_ca_token_and_namespace()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Tls = true, RequiredBearerToken = "t0ken" });
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");

        try
        {
            server.WriteKubeconfig(path, "team-a").Should().Be(path);
            var text = await File.ReadAllTextAsync(path);

            text.Should().Contain($"server: https://127.0.0.1:{server.BaseAddress.Port}");
            text.Should().Contain("certificate-authority-data: ");
            text.Should().Contain("token: \"t0ken\"");
            text.Should().Contain("namespace: team-a");
            text.Should().Contain("current-context: kube-testing");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
