using Paas.Host.Running;

namespace Paas.Host.Tests;

public class ClusterSelectionTests
{
    private const string Home = "/home/dev";

    private static ClusterChoice Choose(bool embedded = false, string? kubeconfig = null, Dictionary<string, string>? env = null, bool defaultConfigExists = false) =>
        ClusterSelection.Choose(
            embedded, kubeconfig, name => env?.GetValueOrDefault(name), Home,
            path => defaultConfigExists && path == "/home/dev/.kube/config");

    [Fact]
    public void Nothing_configured_runs_embedded_and_says_why()
    {
        var choice = Choose();

        choice.Mode.Should().Be(ClusterMode.Embedded);
        choice.Reason.Should().Contain("no KUBECONFIG").And.Contain("/home/dev/.kube/config");
    }

    [Fact]
    public void Kubeconfig_environment_variable_selects_the_cluster()
    {
        Choose(env: new() { ["KUBECONFIG"] = "/tmp/a:/tmp/b" }).Should().Be(new ClusterChoice(ClusterMode.Cluster, "KUBECONFIG=/tmp/a:/tmp/b"));
    }

    [Fact]
    public void Service_host_variable_selects_in_cluster_configuration()
    {
        Choose(env: new() { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1" }).Mode.Should().Be(ClusterMode.Cluster);
    }

    [Fact]
    public void Default_kubeconfig_file_selects_the_cluster()
    {
        Choose(defaultConfigExists: true).Should().Be(new ClusterChoice(ClusterMode.Cluster, "/home/dev/.kube/config"));
    }

    [Fact]
    public void Explicit_kubeconfig_flag_wins_over_environment()
    {
        Choose(kubeconfig: "/etc/k.yaml", env: new() { ["KUBECONFIG"] = "/tmp/a" }).Reason.Should().Be("--kubeconfig /etc/k.yaml");
    }

    [Fact]
    public void Embedded_flag_wins_over_everything()
    {
        Choose(embedded: true, kubeconfig: "/etc/k.yaml", defaultConfigExists: true).Mode.Should().Be(ClusterMode.Embedded);
    }
}
