using Kube.Models;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Plumbing;

/// <summary>A reconcile that runs before the cache shows the operator's own status write must not send it again.</summary>
public class StatusWriterCacheLagTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public StatusWriterCacheLagTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Same_status_against_the_same_stale_object_is_sent_once_though_its_transition_time_moved()
    {
        var (stale, requests, writer) = await StartAsync(rememberSent: true);

        var first = await writer.WriteAsync(stale, Ready(DateTimeOffset.UtcNow.AddSeconds(-1)), CancellationToken.None);
        var differs = writer.Differs(stale, Ready(DateTimeOffset.UtcNow));
        var again = await writer.WriteAsync(stale, Ready(DateTimeOffset.UtcNow), CancellationToken.None);

        first.Should().BeTrue();
        differs.Should().BeFalse("this status was just sent and the cache has not caught up");
        again.Should().BeFalse();
        requests.Writes.Should().Be(1);
    }

    [Fact]
    public async Task Different_status_or_an_object_that_moved_on_is_written_again()
    {
        var (stale, requests, writer) = await StartAsync(rememberSent: true);
        await writer.WriteAsync(stale, Ready(DateTimeOffset.UtcNow), CancellationToken.None);

        var changed = await writer.WriteAsync(stale, Ready(DateTimeOffset.UtcNow) with { Url = "https://shop.example.com" }, CancellationToken.None);
        await cluster.Client.MergePatchAsync<App>("shop", stale.Metadata.Namespace, System.Text.Json.Nodes.JsonNode.Parse("""{"status":{"url":null,"conditions":null}}""")!, "status");
        var movedOn = await cluster.Client.GetAsync<App>("shop", stale.Metadata.Namespace);
        var rewritten = await writer.WriteAsync(movedOn, Ready(DateTimeOffset.UtcNow) with { Url = "https://shop.example.com" }, CancellationToken.None);

        changed.Should().BeTrue();
        rewritten.Should().BeTrue("someone else changed the status after the operator's write, and the cache shows it");
        requests.Writes.Should().Be(3);
    }

    [Fact]
    public async Task Without_remembering_the_same_status_is_sent_against_a_stale_object_each_time()
    {
        var (stale, requests, writer) = await StartAsync(rememberSent: false);

        await writer.WriteAsync(stale, Ready(DateTimeOffset.UtcNow), CancellationToken.None);
        var again = await writer.WriteAsync(stale, Ready(DateTimeOffset.UtcNow), CancellationToken.None);

        again.Should().BeTrue();
        requests.Writes.Should().Be(2);
    }

    private static AppStatus Ready(DateTimeOffset now) => new()
    {
        CurrentRelease = 1,
        Conditions = ConditionSet.Set(null, ConditionTypes.Ready, ConditionSet.True, "Ready", "v1 is running: web 1/1.", 1, now),
    };

    private async Task<(App Stale, CountingHandler Requests, StatusWriter Writer)> StartAsync(bool rememberSent)
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        var (client, requests) = cluster.NewClient();
        return (app, requests, new StatusWriter(client, rememberSent));
    }
}
