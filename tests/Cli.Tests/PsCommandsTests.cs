using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class PsCommandsTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public PsCommandsTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Ps_scale_creates_the_formation_owned_by_the_app_when_there_is_none()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("ps:scale", "web=2", "worker=1:standard-2x", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Be("Scaling dynos... done, now running web at 2, worker at 1:standard-2x\n");
        var formation = await cluster.Client.GetAsync<Formation>("shop", ns);
        formation.Spec.App.Should().Be("shop");
        formation.Spec.Processes!["web"].Should().Be(new ProcessFormation { Quantity = 2 });
        formation.Spec.Processes["worker"].Should().Be(new ProcessFormation { Quantity = 1, Size = "standard-2x" });
        formation.Metadata.OwnerReferences.Should().ContainSingle(owner => owner.Uid == app.Metadata.Uid);
    }

    [Fact]
    public async Task Ps_scale_changes_only_the_named_types_of_an_existing_formation()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.Client.CreateAsync(new Formation
        {
            Metadata = new ObjectMeta { Name = "shop", Namespace = ns },
            Spec = new FormationSpec
            {
                App = "shop",
                Processes = new Dictionary<string, ProcessFormation>
                {
                    ["web"] = new() { Quantity = 1, Size = "standard-1x" },
                    ["clock"] = new() { Quantity = 1 },
                },
            },
        });

        var run = await cluster.RunAsync("ps:scale", "web=3", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Be("Scaling dynos... done, now running clock at 1, web at 3:standard-1x\n");
        var formation = await cluster.Client.GetAsync<Formation>("shop", ns);
        formation.Spec.Processes!["web"].Should().Be(new ProcessFormation { Quantity = 3, Size = "standard-1x" }, "a quantity alone keeps the size");
        formation.Spec.Processes["clock"].Quantity.Should().Be(1);
    }

    [Fact]
    public async Task Ps_scale_of_an_unknown_app_creates_no_formation()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("ps:scale", "web=1", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain($"App shop not found in namespace {ns}");
        (await cluster.Client.TryGetAsync<Formation>("shop", ns)).Should().BeNull();
    }

    [Fact]
    public async Task Ps_shows_each_type_with_size_desired_ready_and_command_and_the_dynos()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 4, "Deploy 1a2b3c4", current: true);
        await cluster.Client.CreateAsync(new Formation
        {
            Metadata = new ObjectMeta { Name = "shop", Namespace = ns },
            Spec = new FormationSpec { App = "shop", Processes = new Dictionary<string, ProcessFormation> { ["web"] = new() { Quantity = 2, Size = "standard-2x" } } },
        });
        await cluster.SetAppStatusAsync(ns, new JsonObject
        {
            ["currentRelease"] = 4,
            ["processes"] = new JsonObject { ["web"] = new JsonObject { ["desired"] = 2, ["ready"] = 1 } },
        });
        await cluster.Client.CreateAsync(new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = "shop-web-5d8f7-x7k2p",
                Namespace = ns,
                Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop", [PaasLabels.ProcessType] = "web", [PaasLabels.Release] = "v4" },
            },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = CliCluster.Image }] },
        });

        var run = await cluster.RunAsync("ps", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().StartWith(
        [
            "=== shop Processes",
            "TYPE    SIZE         DESIRED  READY  COMMAND",
            "web     standard-2x  2        1      bin/web",
            "worker  default      0        0      bin/worker",
            "",
            "=== Dynos",
        ]);
        run.Out.Should().Contain("shop-web-5d8f7-x7k2p  v4       Pending");
    }
}
