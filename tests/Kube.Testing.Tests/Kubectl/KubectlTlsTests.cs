using Kube.Testing.Kubectl;

namespace Kube.Testing.Tests.Kubectl;

/// <summary>kubectl trusts the server through the kubeconfig's CA and authenticates with its token.</summary>
public sealed class KubectlTlsTests
{
    [Fact]
    public async Task Kubectl_talks_https_with_ca_and_token()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Tls = true, RequiredBearerToken = "kubectl-token" });
        var kubeconfig = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}"), "kube-system");
        try
        {
            var result = await new KubectlProcess(kubeconfig).RunAsync("get", "namespace", "kube-system", "-o", "name");

            result.ExitCode.Should().Be(0, result.ToString());
            result.Stdout.Trim().Should().Be("namespace/kube-system");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task Kubectl_with_wrong_token_is_unauthorized()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { RequiredBearerToken = "right" });
        var path = Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}");
        server.WriteKubeconfig(path);
        await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("token: \"right\"", "token: \"wrong\"", StringComparison.Ordinal));
        try
        {
            var result = await new KubectlProcess(path).RunAsync("get", "namespaces");

            result.ExitCode.Should().NotBe(0);
            result.Stderr.Should().Contain("You must be logged in to the server");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
