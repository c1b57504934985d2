using Paas.Cli.Tests.Support;

namespace Paas.Cli.Tests;

public class KubeconfigTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public KubeconfigTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Context_chooses_the_cluster_and_its_namespace_and_n_overrides_the_namespace()
    {
        var teamNamespace = await cluster.NewNamespaceAsync();
        var otherNamespace = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(teamNamespace, "shop");
        await cluster.CreateAppAsync(otherNamespace, "blog");
        var kubeconfig = cluster.TempFile($"two-contexts-{teamNamespace}", $$"""
            apiVersion: v1
            kind: Config
            clusters:
            - name: nowhere
              cluster: {server: "http://127.0.0.1:1"}
            - name: here
              cluster: {server: "{{cluster.Server.BaseAddress.GetLeftPart(UriPartial.Authority)}}"}
            users:
            - name: me
              user: {}
            contexts:
            - name: elsewhere
              context: {cluster: nowhere, user: me}
            - name: team
              context: {cluster: here, user: me, namespace: "{{teamNamespace}}"}
            current-context: elsewhere
            """);

        var inContext = await RunAsync("apps", "--kubeconfig", kubeconfig, "--context", "team");
        var overridden = await RunAsync("apps", "--kubeconfig", kubeconfig, "--context", "team", "-n", otherNamespace);

        inContext.ExitCode.Should().Be(0, inContext.ToString());
        inContext.Out.Should().Contain($"=== Apps in {teamNamespace}").And.Contain("shop").And.NotContain("blog");
        overridden.ExitCode.Should().Be(0, overridden.ToString());
        overridden.Out.Should().Contain($"=== Apps in {otherNamespace}").And.Contain("blog").And.NotContain("shop");
    }

    [Fact]
    public async Task An_unknown_context_lists_the_defined_ones()
    {
        var run = await RunAsync("apps", "--kubeconfig", cluster.Kubeconfig, "--context", "prod");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("kubeconfig:").And.Contain("context \"prod\" is not defined").And.Contain("kube-testing");
    }

    private static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var code = await PaasCli.RunAsync(args, new CliEnvironment { Out = output, Error = error, GetEnvironmentVariable = _ => null });
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
