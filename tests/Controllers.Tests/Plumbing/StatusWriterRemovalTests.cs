using Kube.Models;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Plumbing;

public class StatusWriterRemovalTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public StatusWriterRemovalTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Exact_write_removes_a_process_type_gone_from_the_map_and_then_writes_nothing()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        var (client, requests) = cluster.NewClient();
        var writer = new StatusWriter(client);
        await writer.WriteAsync(app, new AppStatus { Processes = Processes("web", "worker") }, CancellationToken.None, exact: true);
        var live = await cluster.Client.GetAsync<App>("shop", ns);

        await writer.WriteAsync(live, live.Status! with { Processes = Processes("web") }, CancellationToken.None, exact: true);
        live = await cluster.Client.GetAsync<App>("shop", ns);
        requests.Reset();
        var again = await writer.WriteAsync(live, live.Status! with { Processes = Processes("web") }, CancellationToken.None, exact: true);

        live.Status!.Processes.Should().ContainKey("web").And.NotContainKey("worker");
        again.Should().BeFalse();
        requests.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Write_without_exact_leaves_fields_it_does_not_state()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        var writer = new StatusWriter(cluster.Client);
        await writer.WriteAsync(app, new AppStatus { Processes = Processes("web", "worker"), LatestBuild = "shop-1" }, CancellationToken.None);
        var live = await cluster.Client.GetAsync<App>("shop", ns);

        var sent = await writer.WriteAsync(live, new AppStatus { Processes = Processes("web") }, CancellationToken.None);

        sent.Should().BeFalse("without exact, a smaller status is covered by the live one");
    }

    [Fact]
    public void Removals_name_missing_keys_at_any_depth_and_nothing_else()
    {
        var live = System.Text.Json.Nodes.JsonNode.Parse("""{"url":"x","processes":{"web":{"desired":1},"worker":{"desired":0}},"conditions":[{"type":"Ready"}]}""")!.AsObject();
        var desired = System.Text.Json.Nodes.JsonNode.Parse("""{"processes":{"web":{"desired":2}},"conditions":[]}""")!.AsObject();

        var removals = StatusWriter.Removals(live, desired);

        removals.ToJsonString().Should().Be("""{"url":null,"processes":{"worker":null}}""");
    }

    private static Dictionary<string, ProcessStatus> Processes(params string[] types) =>
        types.ToDictionary(type => type, _ => new ProcessStatus { Desired = 1, Ready = 1 });
}
