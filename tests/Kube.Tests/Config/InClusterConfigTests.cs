using Kube.Auth;
using Kube.Config;
using Kube.Tests.Support;

namespace Kube.Tests.Config;

public sealed class InClusterConfigTests : IDisposable
{
    private readonly TempDirectory _dir = new();
    private readonly ManualClock _clock = new();

    public InClusterConfigTests()
    {
        using var authority = TestCertificates.CreateAuthority("cluster-ca");
        _dir.Write("ca.crt", TestCertificates.Pem(authority));
        _dir.Write("token", "token-one\n");
        _dir.Write("namespace", "paas-system");
    }

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Pod_environment_gives_server_ca_namespace_and_token_file()
    {
        var config = KubeConfig.LoadInCluster(Options(("KUBERNETES_SERVICE_HOST", "10.96.0.1"), ("KUBERNETES_SERVICE_PORT", "443")));

        config.Server.Should().Be(new Uri("https://10.96.0.1:443"));
        config.Namespace.Should().Be("paas-system");
        config.CertificateAuthorities.Should().ContainSingle();
        config.BearerToken.Should().BeOfType<TokenFileSource>().Which.Path.Should().Be(Path.Combine(_dir.Path, "token"));
    }

    [Fact]
    public void Ipv6_service_host_is_bracketed()
    {
        var config = KubeConfig.LoadInCluster(Options(("KUBERNETES_SERVICE_HOST", "fd00::1"), ("KUBERNETES_SERVICE_PORT", "443")));

        config.Server.Host.Should().Be("[fd00::1]");
    }

    [Fact]
    public void Load_falls_back_to_in_cluster_when_no_kubeconfig_exists()
    {
        var config = KubeConfig.Load(Options(("KUBERNETES_SERVICE_HOST", "10.0.0.1"), ("KUBERNETES_SERVICE_PORT", "6443")) with
        {
            HomeDirectory = Path.Combine(_dir.Path, "no-home"),
        });

        config.Server.Port.Should().Be(6443);
        config.Source.Should().Be(_dir.Path);
    }

    [Fact]
    public async Task Rotated_token_is_picked_up_after_a_minute_or_on_demand()
    {
        var config = KubeConfig.LoadInCluster(Options(("KUBERNETES_SERVICE_HOST", "10.0.0.1"), ("KUBERNETES_SERVICE_PORT", "443")));
        var source = config.BearerToken!;

        (await source.GetTokenAsync(false, default)).Should().Be("token-one");
        _dir.Write("token", "token-two");
        (await source.GetTokenAsync(false, default)).Should().Be("token-one", "the file is re-read at most once a minute");

        _clock.Advance(TimeSpan.FromSeconds(61));
        (await source.GetTokenAsync(false, default)).Should().Be("token-two");

        _dir.Write("token", "token-three");
        (await source.GetTokenAsync(forceRefresh: true, default)).Should().Be("token-three", "a 401 forces a re-read");
    }

    [Fact]
    public void Missing_token_file_says_why()
    {
        File.Delete(Path.Combine(_dir.Path, "token"));

        var error = Assert.Throws<KubeConfigException>(() =>
            KubeConfig.LoadInCluster(Options(("KUBERNETES_SERVICE_HOST", "10.0.0.1"), ("KUBERNETES_SERVICE_PORT", "443"))));

        error.Message.Should().Contain(Path.Combine(_dir.Path, "token")).And.Contain("automountServiceAccountToken");
    }

    [Fact]
    public void Outside_a_pod_the_error_names_the_variables()
    {
        var error = Assert.Throws<KubeConfigException>(() => KubeConfig.LoadInCluster(Options()));

        error.Message.Should().Contain("KUBERNETES_SERVICE_HOST").And.Contain("KUBERNETES_SERVICE_PORT");
    }

    private KubeConfigLoadOptions Options(params (string Name, string Value)[] variables) => new()
    {
        GetEnvironmentVariable = KubeconfigLoadingTests.Environment(variables),
        InClusterRoot = _dir.Path,
        TimeProvider = _clock,
    };
}
