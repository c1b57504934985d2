using Kube.Testing;

namespace Paas.Cli.Tests;

public class ClusterFailureTests
{
    [Fact]
    public async Task A_cluster_without_the_paas_crds_is_reported_with_how_to_check_the_install()
    {
        await using var server = await KubeApiServer.StartAsync();
        var kubeconfig = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"paas-cli-nocrds-{Guid.NewGuid():N}"));
        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await PaasCli.RunAsync(["apps", "--kubeconfig", kubeconfig], new CliEnvironment { Out = output, Error = error, GetEnvironmentVariable = _ => null });

            code.Should().Be(1, error.ToString());
            error.ToString().Should().Contain("is paas-operator installed in this cluster").And.Contain("kubectl get crd apps.paas.dev");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }

    [Fact]
    public async Task An_unreachable_api_server_is_named_with_what_to_check()
    {
        string kubeconfig;
        await using (var server = await KubeApiServer.StartAsync())
        {
            kubeconfig = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"paas-cli-gone-{Guid.NewGuid():N}"));
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        try
        {
            var code = await PaasCli.RunAsync(["apps", "--kubeconfig", kubeconfig], new CliEnvironment { Out = output, Error = error, GetEnvironmentVariable = _ => null });

            code.Should().Be(1, error.ToString());
            error.ToString().Should().Contain("cannot reach the API server at 127.0.0.1:").And.Contain("--kubeconfig/--context");
        }
        finally
        {
            File.Delete(kubeconfig);
        }
    }
}
