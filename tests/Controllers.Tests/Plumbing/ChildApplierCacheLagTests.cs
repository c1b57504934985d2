using System.Text;
using Kube.Models;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Plumbing;

/// <summary>A reconcile that runs before the cache shows the operator's own write must not send it again.</summary>
public class ChildApplierCacheLagTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public ChildApplierCacheLagTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Object_sent_while_the_cache_still_shows_nothing_is_not_sent_again()
    {
        var (app, requests, applier) = await StartAsync(rememberSent: true);

        var first = await applier.ApplyAsync(app, Desired(app, "1"), live: null, CancellationToken.None);
        var again = await applier.ApplyAsync(app, Desired(app, "1"), live: null, CancellationToken.None);

        first.Should().BeTrue();
        again.Should().BeFalse("the cache has not caught up with the object just sent");
        requests.Writes.Should().Be(1);
    }

    [Fact]
    public async Task Object_is_sent_again_when_it_changes_or_when_the_cache_saw_it_and_then_lost_it()
    {
        var (app, requests, applier) = await StartAsync(rememberSent: true);
        await applier.ApplyAsync(app, Desired(app, "1"), live: null, CancellationToken.None);

        var changed = await applier.ApplyAsync(app, Desired(app, "2"), live: null, CancellationToken.None);
        var cached = await cluster.Client.GetAsync<Secret>("shop-lag", app.Metadata.Namespace);
        var seen = await applier.ApplyAsync(app, Desired(app, "2"), cached, CancellationToken.None);
        var deletedLater = await applier.ApplyAsync(app, Desired(app, "2"), live: null, CancellationToken.None);

        changed.Should().BeTrue("the desired object changed");
        seen.Should().BeFalse("the cache shows the desired object");
        deletedLater.Should().BeTrue("the cache showed it, so its absence now is real");
        requests.Writes.Should().Be(3);
        Encoding.UTF8.GetString((await cluster.Client.GetAsync<Secret>("shop-lag", app.Metadata.Namespace)).Data!["VALUE"]).Should().Be("2");
    }

    [Fact]
    public async Task Without_remembering_an_object_is_sent_whenever_the_cache_lacks_it()
    {
        var (app, requests, applier) = await StartAsync(rememberSent: false);

        await applier.ApplyAsync(app, Desired(app, "1"), live: null, CancellationToken.None);
        var again = await applier.ApplyAsync(app, Desired(app, "1"), live: null, CancellationToken.None);

        again.Should().BeTrue();
        requests.Writes.Should().Be(2);
    }

    private async Task<(App App, CountingHandler Requests, ChildApplier Applier)> StartAsync(bool rememberSent)
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        var (client, requests) = cluster.NewClient();
        return (app, requests, new ChildApplier(client, rememberSent));
    }

    private static Secret Desired(App app, string value) => new()
    {
        Metadata = new ObjectMeta { Name = "shop-lag", Namespace = app.Metadata.Namespace, Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
        Data = new Dictionary<string, byte[]> { ["VALUE"] = Encoding.UTF8.GetBytes(value) },
    };
}
