using System.Security.Cryptography.X509Certificates;
using Kube.Auth;
using Kube.Config;
using Kube.Tests.Support;

namespace Kube.Tests.Config;

public sealed class KubeconfigLoadingTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Current_context_selects_cluster_user_and_namespace()
    {
        var path = _dir.Write("config", """
            apiVersion: v1
            kind: Config
            current-context: dev
            clusters:
            - name: dev-cluster
              cluster:
                server: https://dev.example:6443
                insecure-skip-tls-verify: true
            users:
            - name: dev-user
              user:
                token: abc123
            contexts:
            - name: dev
              context: {cluster: dev-cluster, user: dev-user, namespace: team-a}
            - name: other
              context: {cluster: dev-cluster}
            """);

        var config = KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path });

        config.Server.Should().Be(new Uri("https://dev.example:6443"));
        config.Namespace.Should().Be("team-a");
        config.ContextName.Should().Be("dev");
        config.InsecureSkipTlsVerify.Should().BeTrue();
        config.BearerToken.Should().BeOfType<StaticTokenSource>();
    }

    [Fact]
    public void Explicit_context_overrides_current_context_and_defaults_the_namespace()
    {
        var path = _dir.Write("config", """
            current-context: a
            clusters:
            - {name: one, cluster: {server: "https://one:6443"}}
            - {name: two, cluster: {server: "https://two:6443"}}
            contexts:
            - {name: a, context: {cluster: one, namespace: x}}
            - {name: b, context: {cluster: two}}
            """);

        var config = KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path, Context = "b" });

        config.Server.Host.Should().Be("two");
        config.Namespace.Should().Be("default");
        config.BearerToken.Should().BeNull();
    }

    [Fact]
    public void Kubeconfig_variable_merges_files_with_the_first_definition_winning()
    {
        var first = _dir.Write("a/config", """
            clusters:
            - {name: shared, cluster: {server: "https://from-first:6443"}}
            contexts:
            - {name: ctx, context: {cluster: shared, user: u}}
            users:
            - {name: u, user: {token: first-token}}
            """);
        var second = _dir.Write("b/config", """
            current-context: ctx
            clusters:
            - {name: shared, cluster: {server: "https://from-second:6443"}}
            - {name: only-second, cluster: {server: "https://second-only:6443"}}
            contexts:
            - {name: ctx, context: {cluster: only-second}}
            - {name: second-ctx, context: {cluster: only-second}}
            """);
        var third = _dir.Write("c/config", "current-context: second-ctx\n");
        var environment = Environment(("KUBECONFIG", $"{first}:{_dir.Path}/missing:{second}:{third}"));

        var config = KubeConfig.Load(new KubeConfigLoadOptions { GetEnvironmentVariable = environment });

        // current-context comes from the first file that sets it (the second), the context from the first file that defines it.
        config.ContextName.Should().Be("ctx");
        config.Server.Should().Be(new Uri("https://from-first:6443"));
        config.Source.Should().Contain(first).And.Contain(second);
        var otherContext = KubeConfig.Load(new KubeConfigLoadOptions { GetEnvironmentVariable = environment, Context = "second-ctx" });
        otherContext.Server.Host.Should().Be("second-only");
    }

    [Fact]
    public void Home_kubeconfig_is_used_when_kubeconfig_is_unset()
    {
        _dir.Write(".kube/config", """
            current-context: home
            clusters: [{name: c, cluster: {server: "https://home:6443"}}]
            contexts: [{name: home, context: {cluster: c}}]
            """);

        var config = KubeConfig.Load(new KubeConfigLoadOptions { GetEnvironmentVariable = Environment(), HomeDirectory = _dir.Path });

        config.Server.Host.Should().Be("home");
    }

    [Fact]
    public void Certificate_files_resolve_relative_to_the_kubeconfig_folder()
    {
        using var authority = TestCertificates.CreateAuthority("test-ca");
        var (client, keyPem) = TestCertificates.IssueClient(authority, "alice", rsa: true);
        _dir.Write("kube/pki/ca.crt", TestCertificates.Pem(authority));
        _dir.Write("kube/pki/alice.crt", TestCertificates.Pem(client));
        _dir.Write("kube/pki/alice.key", keyPem);
        var path = _dir.Write("kube/config", """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://k:6443", certificate-authority: pki/ca.crt, tls-server-name: kubernetes}}]
            users: [{name: alice, user: {client-certificate: pki/alice.crt, client-key: pki/alice.key}}]
            contexts: [{name: c, context: {cluster: k, user: alice}}]
            """);

        var config = KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path });

        config.CertificateAuthorities.Should().ContainSingle().Which.Thumbprint.Should().Be(authority.Thumbprint);
        config.ClientCertificate!.HasPrivateKey.Should().BeTrue();
        config.ClientCertificate.Subject.Should().Contain("CN=alice");
        config.TlsServerName.Should().Be("kubernetes");
    }

    [Fact]
    public void Inline_certificate_data_with_an_ec_key_is_loaded()
    {
        using var authority = TestCertificates.CreateAuthority("test-ca");
        var (client, keyPem) = TestCertificates.IssueClient(authority, "bob");
        var caData = TestCertificates.Base64(TestCertificates.Pem(authority));
        var certData = TestCertificates.Base64(TestCertificates.Pem(client));
        var keyData = TestCertificates.Base64(keyPem);
        var path = _dir.Write("config", $"""
            current-context: c
            clusters:
            - name: k
              cluster:
                server: https://k:6443
                certificate-authority-data: {caData}
            users:
            - name: bob
              user:
                client-certificate-data: {certData}
                client-key-data: {keyData}
            contexts:
            - name: c
              context:
                cluster: k
                user: bob
            """);

        var config = KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path });

        using var key = config.ClientCertificate!.GetECDsaPrivateKey();
        key.Should().NotBeNull();
        config.CertificateAuthorities.Should().HaveCount(1);
    }

    [Fact]
    public void Basic_auth_token_file_and_exec_users_are_recognised()
    {
        var tokenFile = _dir.Write("secrets/token", "file-token\n");
        var path = _dir.Write("config", """
            current-context: basic
            clusters: [{name: k, cluster: {server: "https://k:6443"}}]
            users:
            - {name: basic-user, user: {username: admin, password: s3cret}}
            - {name: file-user, user: {tokenFile: secrets/token}}
            - name: exec-user
              user:
                exec:
                  apiVersion: client.authentication.k8s.io/v1beta1
                  command: ./bin/get-token
                  args: ["--cluster", "my cluster"]
                  env: [{name: REGION, value: eu-west-1}]
                  provideClusterInfo: true
                  installHint: install get-token from your platform team
            contexts:
            - {name: basic, context: {cluster: k, user: basic-user}}
            - {name: file, context: {cluster: k, user: file-user}}
            - {name: exec, context: {cluster: k, user: exec-user}}
            """);
        KubeConfig For(string context) => KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path, Context = context });

        For("basic").Basic.Should().Be(new BasicCredentials("admin", "s3cret"));
        For("basic").Basic!.ToString().Should().NotContain("s3cret");
        For("file").BearerToken.Should().BeOfType<TokenFileSource>().Which.Path.Should().Be(tokenFile);
        var exec = For("exec").ExecPlugin!.Config;
        exec.Command.Should().Be("./bin/get-token");
        exec.Arguments.Should().Equal("--cluster", "my cluster");
        exec.Environment.Should().Contain("REGION", "eu-west-1");
        exec.ProvideClusterInfo.Should().BeTrue();
        exec.WorkingDirectory.Should().Be(_dir.Path);
    }

    [Fact]
    public void Explicit_namespace_overrides_the_contexts_namespace()
    {
        var path = _dir.Write("config", """
            current-context: c
            clusters: [{name: k, cluster: {server: "https://k:6443"}}]
            contexts: [{name: c, context: {cluster: k, namespace: ctx-ns}}]
            """);

        KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path, Namespace = "flag-ns" }).Namespace.Should().Be("flag-ns");
    }

    internal static Func<string, string?> Environment(params (string Name, string Value)[] variables)
    {
        var map = variables.ToDictionary(v => v.Name, v => v.Value);
        return name => map.GetValueOrDefault(name);
    }
}
