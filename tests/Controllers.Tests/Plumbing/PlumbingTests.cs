using System.Text;
using Kube.Models;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Controllers.Tests.Plumbing;

public class PlumbingTests : IClassFixture<Cluster>
{
    private readonly Cluster cluster;

    public PlumbingTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Apply_sets_owner_reference_hash_and_field_manager()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await NewAppAsync(ns);
        var (client, _) = cluster.NewClient();

        var sent = await new ChildApplier(client).ApplyAsync(app, DesiredSecret(ns, "one", "1"), live: null, CancellationToken.None);

        sent.Should().BeTrue();
        var secret = await cluster.Client.GetAsync<Secret>("shop-one", ns);
        secret.Metadata.OwnerReferences.Should().ContainSingle(o => o.Uid == app.Metadata.Uid && o.Kind == "App" && o.Controller == true && o.BlockOwnerDeletion == true);
        secret.Metadata.Annotations.Should().ContainKey(PaasAnnotations.DesiredHash);
        secret.Metadata.ManagedFields.Should().Contain(entry => entry.Manager == OperatorFieldManager.Name);
        Encoding.UTF8.GetString(secret.Data!["VALUE"]).Should().Be("1");
    }

    [Fact]
    public async Task Second_apply_of_unchanged_child_makes_no_request()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await NewAppAsync(ns);
        var (client, requests) = cluster.NewClient();
        var applier = new ChildApplier(client);
        await applier.ApplyAsync(app, DesiredSecret(ns, "one", "1"), live: null, CancellationToken.None);
        var live = await cluster.Client.GetAsync<Secret>("shop-one", ns);
        requests.Reset();

        var sent = await applier.ApplyAsync(app, DesiredSecret(ns, "one", "1"), live, CancellationToken.None);

        sent.Should().BeFalse();
        requests.Requests.Should().BeEmpty();
    }

    [Fact]
    public async Task Changed_child_is_applied_again_and_keeps_fields_of_other_managers()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await NewAppAsync(ns);
        var (client, requests) = cluster.NewClient();
        var applier = new ChildApplier(client);
        await applier.ApplyAsync(app, DesiredSecret(ns, "one", "1"), live: null, CancellationToken.None);
        await cluster.Client.MergePatchAsync<Secret>("shop-one", ns, System.Text.Json.Nodes.JsonNode.Parse("""{"metadata":{"labels":{"gitops":"yes"}}}""")!);
        var live = await cluster.Client.GetAsync<Secret>("shop-one", ns);
        requests.Reset();

        var sent = await applier.ApplyAsync(app, DesiredSecret(ns, "one", "2"), live, CancellationToken.None);

        sent.Should().BeTrue();
        requests.Writes.Should().Be(1);
        var after = await cluster.Client.GetAsync<Secret>("shop-one", ns);
        Encoding.UTF8.GetString(after.Data!["VALUE"]).Should().Be("2");
        after.Metadata.Labels.Should().Contain("gitops", "yes");
        after.Metadata.Annotations![PaasAnnotations.DesiredHash].Should().NotBe(live.Metadata.Annotations![PaasAnnotations.DesiredHash]);
    }

    [Fact]
    public async Task Prune_deletes_only_owned_labelled_children_not_desired()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await NewAppAsync(ns);
        var applier = new ChildApplier(cluster.Client);
        await applier.ApplyAsync(app, DesiredSecret(ns, "keep", "1"), null, CancellationToken.None);
        await applier.ApplyAsync(app, DesiredSecret(ns, "gone", "1"), null, CancellationToken.None);
        await cluster.Client.CreateAsync(DesiredSecret(ns, "hand-made", "1"));
        var live = (await cluster.Client.ListAsync<Secret>(ns)).Items;

        var deleted = await new ChildPruner(cluster.Client.Dynamic).PruneAsync(
            app, "shop", Secret.Resource, live, new HashSet<string> { "shop-keep" }, CancellationToken.None);

        deleted.Should().Equal("shop-gone");
        (await cluster.Client.ListAsync<Secret>(ns)).Items.Select(s => s.Metadata.Name).Should().BeEquivalentTo("shop-keep", "shop-hand-made");
    }

    [Fact]
    public async Task Status_is_written_once_and_unchanged_status_makes_no_request()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await NewAppAsync(ns);
        var (client, requests) = cluster.NewClient();
        var writer = new StatusWriter(client);
        var status = Status(app, ConditionSet.True, DateTimeOffset.UtcNow.AddMinutes(-5));

        (await writer.WriteAsync(app, status, CancellationToken.None)).Should().BeTrue();
        var live = await cluster.Client.GetAsync<App>("shop", ns);
        requests.Reset();
        var later = Status(live, ConditionSet.True, DateTimeOffset.UtcNow);

        (await writer.WriteAsync(live, later, CancellationToken.None)).Should().BeFalse();
        requests.Requests.Should().BeEmpty();
        live.Status!.CurrentRelease.Should().Be(2);
        ConditionSet.Find(live.Status.Conditions, ConditionTypes.Released)!.ObservedGeneration.Should().Be(live.Metadata.Generation);
    }

    [Fact]
    public async Task Flipped_condition_is_written_with_a_new_transition_time()
    {
        var ns = await cluster.NewNamespaceAsync();
        var app = await NewAppAsync(ns);
        var writer = new StatusWriter(cluster.Client);
        await writer.WriteAsync(app, Status(app, ConditionSet.True, DateTimeOffset.UtcNow.AddHours(-1)), CancellationToken.None);
        var live = await cluster.Client.GetAsync<App>("shop", ns);

        (await writer.WriteAsync(live, Status(live, ConditionSet.False, DateTimeOffset.UtcNow), CancellationToken.None)).Should().BeTrue();

        var after = await cluster.Client.GetAsync<App>("shop", ns);
        var before = ConditionSet.Find(live.Status!.Conditions, ConditionTypes.Released)!;
        var flipped = ConditionSet.Find(after.Status!.Conditions, ConditionTypes.Released)!;
        flipped.Status.Should().Be(ConditionSet.False);
        flipped.LastTransitionTime.Should().BeAfter(before.LastTransitionTime!.Value);
    }

    private static AppStatus Status(App live, string released, DateTimeOffset now) => new()
    {
        ObservedGeneration = live.Metadata.Generation,
        CurrentRelease = 2,
        Conditions = ConditionSet.Set(live.Status?.Conditions, ConditionTypes.Released, released, ConditionReasons.ReleaseSucceeded, "v2 is current.", live.Metadata.Generation, now),
    };

    private async Task<App> NewAppAsync(string ns) =>
        await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });

    private static Secret DesiredSecret(string ns, string name, string value) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = "shop-" + name,
            Namespace = ns,
            Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" },
        },
        Data = new Dictionary<string, byte[]> { ["VALUE"] = Encoding.UTF8.GetBytes(value) },
    };
}
