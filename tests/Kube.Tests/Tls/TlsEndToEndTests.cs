using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Kube.Auth;
using Kube.Client;
using Kube.Config;
using Kube.Tests.Auth;
using Kube.Tests.Support;

namespace Kube.Tests.Tls;

/// <summary>Real TLS against Kestrel on 127.0.0.1: CA trust from kubeconfig data, client certificates, tokens and exec plugins.</summary>
public sealed class TlsEndToEndTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly X509Certificate2 _authority = TestCertificates.CreateAuthority("cluster-ca");
    private readonly X509Certificate2 _otherAuthority = TestCertificates.CreateAuthority("someone-else");
    private X509Certificate2 _serverCertificate = null!;

    public Task InitializeAsync()
    {
        _serverCertificate = TestCertificates.IssueServer(_authority);
        return Task.CompletedTask;
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        _dir.Dispose();
        _authority.Dispose();
        _otherAuthority.Dispose();
        _serverCertificate.Dispose();
    }

    [Fact]
    public async Task Client_certificate_authenticates_over_a_server_trusted_through_ca_data()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: _authority);
        var (client, key) = TestCertificates.IssueClient(_authority, "alice");
        using var kube = Client(server, Cluster(_authority), $"client-certificate-data: {Data(TestCertificates.Pem(client))}\n    client-key-data: {Data(key)}");

        var configMap = await kube.GetAsync<ConfigMap>("who", "default");

        configMap.Data.Should().Contain("caller", "alice");
    }

    [Fact]
    public async Task Rsa_client_key_in_files_authenticates_too()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: _authority);
        var (client, key) = TestCertificates.IssueClient(_authority, "rsa-user", rsa: true);
        _dir.Write("pki/user.crt", TestCertificates.Pem(client));
        _dir.Write("pki/user.key", key);
        _dir.Write("pki/ca.crt", TestCertificates.Pem(_authority));
        using var kube = Client(server, "certificate-authority: pki/ca.crt", "client-certificate: pki/user.crt\n    client-key: pki/user.key");

        (await kube.GetAsync<ConfigMap>("who", "default")).Data.Should().Contain("caller", "rsa-user");
    }

    [Fact]
    public async Task Server_signed_by_another_ca_is_rejected()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: null);
        using var kube = Client(server, Cluster(_otherAuthority), "token: t");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => kube.GetAsync<ConfigMap>("who", "default"));

        error.HttpRequestError.Should().Be(HttpRequestError.SecureConnectionError);
    }

    [Fact]
    public async Task Server_is_not_trusted_without_a_configured_ca()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: null);
        using var kube = Client(server, string.Empty, "token: t");

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => kube.GetAsync<ConfigMap>("who", "default"));

        error.HttpRequestError.Should().Be(HttpRequestError.SecureConnectionError);
    }

    [Fact]
    public async Task Insecure_skip_tls_verify_accepts_any_server_certificate()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: null);
        using var kube = Client(server, "insecure-skip-tls-verify: true", "token: t");

        (await kube.GetAsync<ConfigMap>("who", "default")).Data.Should().Contain("caller", "t");
    }

    [Fact]
    public async Task Tls_server_name_replaces_the_host_in_the_certificate_check()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: null);
        using var matching = Client(server, Cluster(_authority) + "\n    tls-server-name: kubernetes.default.svc", "token: t");
        using var mismatching = Client(server, Cluster(_authority) + "\n    tls-server-name: evil.example", "token: t");

        (await matching.GetAsync<ConfigMap>("who", "default")).Data.Should().Contain("caller", "t");
        await Assert.ThrowsAsync<HttpRequestException>(() => mismatching.GetAsync<ConfigMap>("who", "default"));
    }

    [Fact]
    public async Task Server_requiring_a_client_certificate_refuses_a_client_without_one()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: _authority);
        using var kube = Client(server, Cluster(_authority), "token: t");

        var act = () => kube.GetAsync<ConfigMap>("who", "default");

        await act.Should().ThrowAsync<Exception>().Where(e => e is HttpRequestException || e is IOException);
    }

    [Fact]
    public async Task Client_certificate_from_another_ca_is_refused()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: _authority);
        var (client, key) = TestCertificates.IssueClient(_otherAuthority, "mallory");
        using var kube = Client(server, Cluster(_authority), $"client-certificate-data: {Data(TestCertificates.Pem(client))}\n    client-key-data: {Data(key)}");

        var act = () => kube.GetAsync<ConfigMap>("who", "default");

        await act.Should().ThrowAsync<Exception>().Where(e => e is HttpRequestException || e is IOException);
    }

    [Fact]
    public async Task Wrong_token_is_unauthorized_and_token_file_is_reread_after_a_401()
    {
        var expected = "new-token";
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: null, token => token == expected);
        _dir.Write("token", "old-token");
        using var kube = Client(server, Cluster(_authority), "tokenFile: token");

        await Assert.ThrowsAsync<UnauthorizedException>(() => kube.GetAsync<ConfigMap>("who", "default"));
        _dir.Write("token", "new-token");

        (await kube.GetAsync<ConfigMap>("who", "default")).Data.Should().Contain("caller", "new-token");
    }

    [Fact]
    public async Task Exec_token_rejected_with_401_reruns_the_plugin_once()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: null, token => token == "token-2");
        using var plugin = new ExecPluginScript();
        using var kube = Client(server, Cluster(_authority), $"exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {plugin.Command}");

        var configMap = await kube.GetAsync<ConfigMap>("who", "default");
        await kube.GetAsync<ConfigMap>("who", "default");

        configMap.Data.Should().Contain("caller", "token-2");
        plugin.Runs.Should().Be(2, "one run for the rejected token, one for the fresh one, then it is cached");
    }

    [Fact]
    public async Task Exec_plugin_client_certificate_authenticates_over_mutual_tls()
    {
        await using var server = await TlsTestServer.StartAsync(_serverCertificate, clientAuthority: _authority);
        var (client, key) = TestCertificates.IssueClient(_authority, "exec-user");
        var credential = new JsonObject
        {
            ["apiVersion"] = ExecCredentialProvider.V1,
            ["kind"] = "ExecCredential",
            ["status"] = new JsonObject { ["clientCertificateData"] = TestCertificates.Pem(client), ["clientKeyData"] = key },
        };
        var output = _dir.Write("credential.json", credential.ToJsonString());
        using var plugin = new ExecPluginScript($"cat '{output}'\n");
        using var kube = Client(server, Cluster(_authority), $"exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: {plugin.Command}");

        (await kube.GetAsync<ConfigMap>("who", "default")).Data.Should().Contain("caller", "exec-user");
    }

    private KubeClient Client(TlsTestServer server, string clusterFields, string userFields)
    {
        var path = _dir.Write("config", $"""
            current-context: test
            clusters:
            - name: test
              cluster:
                server: {server.Address}
                {clusterFields}
            users:
            - name: user
              user:
                {userFields}
            contexts:
            - name: test
              context: {"{"}cluster: test, user: user{"}"}
            """);
        var config = KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path });
        return KubeClientFactory.Create(config, new KubeClientOptions
        {
            JsonResolvers = [TestJsonContext.Default],
            Retry = new KubeRetryOptions { TimeProvider = new ManualClock() },
        });
    }

    private static string Cluster(X509Certificate2 authority) => $"certificate-authority-data: {Data(TestCertificates.Pem(authority))}";

    private static string Data(string pem) => TestCertificates.Base64(pem);
}
