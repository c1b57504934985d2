using Kube.Config;
using Kube.Tests.Support;

namespace Kube.Tests.Config;

public sealed class KubeconfigErrorTests : IDisposable
{
    private const string Cluster = "clusters: [{name: k, cluster: {server: \"https://k:6443\"}}]\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Context_naming_an_undefined_cluster_names_file_context_and_cluster()
    {
        var path = _dir.Write("config", "current-context: dev\n" + Cluster + "contexts: [{name: dev, context: {cluster: prod}}]\n");

        var error = Load(path);

        error.Message.Should().Be($"{path}: context \"dev\" names cluster \"prod\", which is not defined in clusters");
    }

    [Fact]
    public void Context_naming_an_undefined_user_is_reported()
    {
        var path = _dir.Write("config", "current-context: dev\n" + Cluster + "contexts: [{name: dev, context: {cluster: k, user: alice}}]\n");

        Load(path).Message.Should().Be($"{path}: context \"dev\" names user \"alice\", which is not defined in users");
    }

    [Fact]
    public void Missing_current_context_says_how_to_choose_one()
    {
        var path = _dir.Write("config", Cluster + "contexts: [{name: dev, context: {cluster: k}}]\n");

        Load(path).Message.Should().Contain(path).And.Contain("current-context is not set").And.Contain("--context");
    }

    [Fact]
    public void Unknown_context_lists_the_defined_ones()
    {
        var path = _dir.Write("config", Cluster + "contexts: [{name: dev, context: {cluster: k}}, {name: prod, context: {cluster: k}}]\n");

        Load(path, context: "staging").Message.Should().Be($"{path}: context \"staging\" is not defined in contexts (defined: dev, prod)");
    }

    [Fact]
    public void Cluster_without_server_names_the_field()
    {
        var path = _dir.Write("config", "current-context: c\nclusters: [{name: k, cluster: {insecure-skip-tls-verify: true}}]\ncontexts: [{name: c, context: {cluster: k}}]\n");

        Load(path).Message.Should().Be($"{path}: cluster \"k\" field \"server\" is required but missing or empty");
    }

    [Fact]
    public void Server_that_is_not_a_url_is_quoted_back()
    {
        var path = _dir.Write("config", "current-context: c\nclusters: [{name: k, cluster: {server: \"k8s:6443:x\"}}]\ncontexts: [{name: c, context: {cluster: k}}]\n");

        Load(path).Message.Should().Contain("cluster \"k\" field \"server\" must be an http(s) URL").And.Contain("k8s:6443:x");
    }

    [Fact]
    public void Invalid_base64_certificate_data_names_user_and_field()
    {
        var path = _dir.Write("config", "current-context: c\n" + Cluster +
            "users: [{name: alice, user: {client-certificate-data: '!!notbase64', client-key-data: 'AAAA'}}]\ncontexts: [{name: c, context: {cluster: k, user: alice}}]\n");

        Load(path).Message.Should().StartWith($"{path}: user \"alice\" field \"client-certificate-data\" is not valid base64");
    }

    [Fact]
    public void Client_certificate_without_key_is_reported()
    {
        using var authority = TestCertificates.CreateAuthority("ca");
        var certificate = _dir.Write("alice.crt", TestCertificates.Pem(authority));
        var path = _dir.Write("config", "current-context: c\n" + Cluster +
            $"users: [{{name: alice, user: {{client-certificate: {certificate}}}}}]\ncontexts: [{{name: c, context: {{cluster: k, user: alice}}}}]\n");

        Load(path).Message.Should().Contain("user \"alice\" has a client certificate but no client-key");
    }

    [Fact]
    public void Unreadable_certificate_authority_file_names_the_resolved_path()
    {
        var path = _dir.Write("config", "current-context: c\nclusters: [{name: k, cluster: {server: \"https://k\", certificate-authority: pki/ca.crt}}]\ncontexts: [{name: c, context: {cluster: k}}]\n");

        Load(path).Message.Should().Contain($"cluster \"k\" field \"certificate-authority\" names {Path.Combine(_dir.Path, "pki", "ca.crt")}, which cannot be read");
    }

    [Fact]
    public void Certificate_authority_without_pem_is_reported()
    {
        var path = _dir.Write("config", $"current-context: c\nclusters: [{{name: k, cluster: {{server: \"https://k\", certificate-authority-data: {TestCertificates.Base64("hello")}}}}}]\ncontexts: [{{name: c, context: {{cluster: k}}}}]\n");

        Load(path).Message.Should().Contain("cluster \"k\" certificate-authority holds no PEM certificate");
    }

    [Fact]
    public void Exec_without_command_names_the_user_and_field()
    {
        var path = _dir.Write("config", "current-context: c\n" + Cluster +
            "users: [{name: alice, user: {exec: {apiVersion: client.authentication.k8s.io/v1}}}]\ncontexts: [{name: c, context: {cluster: k, user: alice}}]\n");

        Load(path).Message.Should().Be($"{path}: user \"alice\" exec field \"command\" is required but missing or empty");
    }

    [Fact]
    public void Exec_with_an_unsupported_api_version_names_the_supported_ones()
    {
        var path = _dir.Write("config", "current-context: c\n" + Cluster +
            "users: [{name: alice, user: {exec: {apiVersion: client.authentication.k8s.io/v1alpha1, command: x}}}]\ncontexts: [{name: c, context: {cluster: k, user: alice}}]\n");

        Load(path).Message.Should().Contain("user \"alice\" exec field \"apiVersion\" is \"client.authentication.k8s.io/v1alpha1\"")
            .And.Contain("client.authentication.k8s.io/v1beta1");
    }

    [Fact]
    public void Boolean_field_with_text_is_reported()
    {
        var path = _dir.Write("config", "current-context: c\nclusters: [{name: k, cluster: {server: \"https://k\", insecure-skip-tls-verify: maybe}}]\ncontexts: [{name: c, context: {cluster: k}}]\n");

        Load(path).Message.Should().Be($"{path}: cluster \"k\" field \"insecure-skip-tls-verify\" must be true or false, not \"maybe\"");
    }

    [Fact]
    public void Entry_without_a_name_gives_its_position()
    {
        var path = _dir.Write("config", "clusters:\n- cluster: {server: \"https://k\"}\n");

        Load(path).Message.Should().Be($"{path}: clusters[0] field \"name\" is required but missing or empty");
    }

    [Fact]
    public void Invalid_yaml_gives_the_line()
    {
        var path = _dir.Write("config", "clusters:\n  - name: [unclosed\n");

        Load(path).Message.Should().StartWith($"{path}: not valid YAML at line");
    }

    [Fact]
    public void Auth_provider_users_are_told_to_use_exec()
    {
        var path = _dir.Write("config", "current-context: c\n" + Cluster +
            "users: [{name: gke, user: {auth-provider: {name: gcp}}}]\ncontexts: [{name: c, context: {cluster: k, user: gke}}]\n");

        Load(path).Message.Should().Contain("user \"gke\" uses auth-provider, which is not supported; use an exec credential plugin");
    }

    [Fact]
    public void Nothing_to_load_lists_where_it_looked()
    {
        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.Load(new KubeConfigLoadOptions
        {
            GetEnvironmentVariable = KubeconfigLoadingTests.Environment(),
            HomeDirectory = _dir.Path,
        }));

        error.Message.Should().Contain(Path.Combine(_dir.Path, ".kube", "config")).And.Contain("KUBERNETES_SERVICE_HOST");
    }

    [Fact]
    public void Explicit_path_that_does_not_exist_is_an_error()
    {
        var missing = Path.Combine(_dir.Path, "nope");

        Load(missing).Message.Should().Be($"{missing}: the kubeconfig file given does not exist");
    }

    private static KubeConfigException Load(string path, string? context = null) =>
        Assert.Throws<KubeConfigException>(() => KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path, Context = context }));
}
