using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Plumbing;

/// <summary>
/// Parts of a status another controller writes (the App's sourceCommit and SourceResolved condition) are neither
/// stated, compared nor removed by a writer told so, even when its cached object still shows older values of them.
/// </summary>
public class StatusWriterSharedStatusTests : IClassFixture<Cluster>
{
    private static readonly OtherWritersStatus SourceParts = new(["sourceCommit"], ["SourceResolved"]);
    private readonly Cluster cluster;

    public StatusWriterSharedStatusTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Write_built_on_a_stale_object_keeps_the_other_writers_newer_fields_and_condition()
    {
        var ns = await cluster.NewNamespaceAsync();
        var created = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        var writer = new StatusWriter(cluster.Client, otherWriters: SourceParts);
        await writer.WriteAsync(created, new AppStatus { Url = "https://old.example.com" }, CancellationToken.None);
        await PatchAsSourceControllerAsync(ns, "aaaaaaa", "Old commit.");
        var stale = await cluster.Client.GetAsync<App>("shop", ns);
        await PatchAsSourceControllerAsync(ns, "bbbbbbb", "New commit.");

        await writer.WriteAsync(stale, stale.Status! with { Url = "https://shop.example.com" }, CancellationToken.None);

        var live = await cluster.Client.GetAsync<App>("shop", ns);
        live.Status!.Url.Should().Be("https://shop.example.com");
        live.Status.SourceCommit.Should().Be("bbbbbbb");
        live.Status.Conditions.Should().ContainSingle(c => c.Type == "SourceResolved").Which.Message.Should().Be("New commit.");
    }

    [Fact]
    public async Task Exact_write_neither_removes_nor_counts_the_other_writers_parts()
    {
        var ns = await cluster.NewNamespaceAsync();
        var created = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        var (client, requests) = cluster.NewClient();
        var writer = new StatusWriter(client, otherWriters: SourceParts);
        await writer.WriteAsync(created, new AppStatus { Url = "https://shop.example.com" }, CancellationToken.None, exact: true);
        await PatchAsSourceControllerAsync(ns, "ccccccc", "Built.");
        var live = await cluster.Client.GetAsync<App>("shop", ns);
        requests.Reset();

        var sent = await writer.WriteAsync(live, new AppStatus { Url = "https://shop.example.com" }, CancellationToken.None, exact: true);

        sent.Should().BeFalse("the status this writer owns is unchanged");
        requests.Requests.Should().BeEmpty();
        var after = await cluster.Client.GetAsync<App>("shop", ns);
        after.Status!.SourceCommit.Should().Be("ccccccc");
    }

    private async Task PatchAsSourceControllerAsync(string ns, string commit, string message)
    {
        var patch = new JsonObject
        {
            ["status"] = new JsonObject
            {
                ["sourceCommit"] = commit,
                ["conditions"] = new JsonArray(new JsonObject
                {
                    ["type"] = "SourceResolved", ["status"] = "True", ["reason"] = "BuildStarted", ["message"] = message,
                    ["lastTransitionTime"] = "2026-11-22T10:00:00Z",
                }),
            },
        };
        await cluster.Client.MergePatchAsync<App>("shop", ns, patch, "status");
    }
}
