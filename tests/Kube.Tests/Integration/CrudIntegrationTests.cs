using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Tests.Support;

namespace Kube.Tests.Integration;

public sealed class CrudIntegrationTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    private KubeClient Client => fixture.Client;

    [Fact]
    public async Task Create_get_replace_and_delete_round_trip()
    {
        var ns = await fixture.NewNamespaceAsync();

        var created = await Client.CreateAsync(ConfigMap.Named("settings", ns, new Dictionary<string, string> { ["a"] = "1" }));
        var fetched = await Client.GetAsync<ConfigMap>("settings", ns);
        var replaced = await Client.ReplaceAsync(fetched with { Data = new Dictionary<string, string> { ["a"] = "2" } });
        await Client.DeleteAsync<ConfigMap>("settings", ns);

        created.Metadata.Uid.Should().NotBeNullOrEmpty();
        fetched.Kind.Should().Be("ConfigMap");
        replaced.Data.Should().Contain("a", "2");
        replaced.Metadata.ResourceVersion.Should().NotBe(created.Metadata.ResourceVersion);
        (await Client.TryGetAsync<ConfigMap>("settings", ns)).Should().BeNull();
    }

    [Fact]
    public async Task Stale_replace_is_a_conflict_and_duplicate_create_already_exists()
    {
        var ns = await fixture.NewNamespaceAsync();
        var first = await Client.CreateAsync(ConfigMap.Named("c", ns));
        await Client.ReplaceAsync(first with { Data = new Dictionary<string, string> { ["x"] = "y" } });

        await Assert.ThrowsAsync<ConflictException>(() => Client.ReplaceAsync(first with { Data = new Dictionary<string, string> { ["x"] = "z" } }));
        await Assert.ThrowsAsync<AlreadyExistsException>(() => Client.CreateAsync(ConfigMap.Named("c", ns)));
    }

    [Fact]
    public async Task Invalid_name_reports_the_field()
    {
        var ns = await fixture.NewNamespaceAsync();

        var error = await Assert.ThrowsAsync<InvalidException>(() => Client.CreateAsync(ConfigMap.Named("Not_Valid", ns)));

        error.Causes.Should().Contain(c => c.Field == "metadata.name");
    }

    [Fact]
    public async Task Paging_returns_every_object_once()
    {
        var ns = await fixture.NewNamespaceAsync();
        for (var i = 0; i < 5; i++)
        {
            await Client.CreateAsync(ConfigMap.Named($"cm-{i}", ns));
        }

        var firstPage = await Client.ListAsync<ConfigMap>(ns, new ListOptions { Limit = 2 });
        var all = await Client.ListAllAsync<ConfigMap>(ns, pageSize: 2);

        firstPage.Items.Should().HaveCount(2);
        firstPage.Metadata.Continue.Should().NotBeNullOrEmpty();
        all.Items.Select(i => i.Metadata.Name).Should().BeEquivalentTo(["cm-0", "cm-1", "cm-2", "cm-3", "cm-4"]);
        all.Metadata.ResourceVersion.Should().NotBeNullOrEmpty();
    }

    [Fact]
    public async Task Label_and_field_selectors_filter_the_list()
    {
        var ns = await fixture.NewNamespaceAsync();
        foreach (var (name, tier) in new[] { ("web", "frontend"), ("api", "backend"), ("db", "backend") })
        {
            await Client.CreateAsync(ConfigMap.Named(name, ns) with
            {
                Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = new Dictionary<string, string> { ["tier"] = tier } },
            });
        }

        var backend = await Client.ListAsync<ConfigMap>(ns, new ListOptions { LabelSelector = "tier in (backend),tier!=frontend" });
        var byName = await Client.ListAsync<ConfigMap>(ns, new ListOptions { FieldSelector = "metadata.name=web" });

        backend.Items.Select(i => i.Metadata.Name).Should().BeEquivalentTo(["api", "db"]);
        byName.Items.Should().ContainSingle().Which.Metadata.Name.Should().Be("web");
    }

    [Fact]
    public async Task Apply_creates_then_updates_and_records_the_field_manager()
    {
        var ns = await fixture.NewNamespaceAsync();
        var apply = new ApplyOptions("paas-operator", Force: true);

        var created = await Client.ApplyAsync(ConfigMap.Named("applied", ns, new Dictionary<string, string> { ["a"] = "1" }), apply);
        var updated = await Client.ApplyAsync(ConfigMap.Named("applied", ns, new Dictionary<string, string> { ["a"] = "2", ["b"] = "3" }), apply);

        created.Metadata.Uid.Should().Be(updated.Metadata.Uid);
        updated.Data.Should().Equal(new Dictionary<string, string> { ["a"] = "2", ["b"] = "3" });
        updated.Metadata.ManagedFields.Should().Contain(m => m.Manager == "paas-operator" && m.Operation == "Apply");
    }

    [Fact]
    public async Task Apply_conflicting_with_another_manager_fails_unless_forced()
    {
        var ns = await fixture.NewNamespaceAsync();
        await Client.ApplyAsync(ConfigMap.Named("shared", ns, new Dictionary<string, string> { ["owner"] = "gitops" }), new ApplyOptions("gitops"));

        var conflict = await Assert.ThrowsAsync<ConflictException>(() =>
            Client.ApplyAsync(ConfigMap.Named("shared", ns, new Dictionary<string, string> { ["owner"] = "operator" }), new ApplyOptions("paas-operator")));
        var forced = await Client.ApplyAsync(ConfigMap.Named("shared", ns, new Dictionary<string, string> { ["owner"] = "operator" }), new ApplyOptions("paas-operator", Force: true));

        conflict.Message.Should().Contain("gitops");
        forced.Data.Should().Contain("owner", "operator");
    }

    [Fact]
    public async Task Merge_patch_adds_a_label_without_touching_data()
    {
        var ns = await fixture.NewNamespaceAsync();
        await Client.CreateAsync(ConfigMap.Named("patched", ns, new Dictionary<string, string> { ["keep"] = "me" }));

        var patched = await Client.MergePatchAsync<ConfigMap>("patched", ns, new JsonObject
        {
            ["metadata"] = new JsonObject { ["labels"] = new JsonObject { ["paas.dev/app"] = "web" } },
        });

        patched.Metadata.Labels.Should().Contain("paas.dev/app", "web");
        patched.Data.Should().Contain("keep", "me");
    }

    [Fact]
    public async Task Status_is_written_only_through_the_status_subresource()
    {
        var name = $"w-{Guid.NewGuid():N}"[..12];
        await Client.CreateAsync(new Widget { Metadata = new ObjectMeta { Name = name }, Spec = new WidgetSpec(1), Status = new WidgetStatus("Ignored") });

        var afterCreate = await Client.GetAsync<Widget>(name, null);
        var replaced = await Client.ReplaceStatusAsync(afterCreate with { Status = new WidgetStatus("Building") });
        var applied = await Client.ApplyStatusAsync(new Widget { Metadata = new ObjectMeta { Name = name }, Status = new WidgetStatus("Ready") }, new ApplyOptions("paas-operator", Force: true));
        var specApply = await Client.ApplyAsync(new Widget { Metadata = new ObjectMeta { Name = name }, Spec = new WidgetSpec(2), Status = new WidgetStatus("Hijacked") }, new ApplyOptions("paas-operator", Force: true));

        afterCreate.Status.Should().BeNull("status sent with a create is dropped when the status subresource is on");
        replaced.Status!.Phase.Should().Be("Building");
        applied.Status!.Phase.Should().Be("Ready");
        specApply.Spec!.Size.Should().Be(2);
        specApply.Status!.Phase.Should().Be("Ready", "the main resource ignores status");
        await Client.DeleteAsync<Widget>(name, null);
    }

    [Fact]
    public async Task Background_deletion_collects_dependents_and_orphan_keeps_them()
    {
        var ns = await fixture.NewNamespaceAsync();
        var owner = await Client.CreateAsync(ConfigMap.Named("owner", ns));
        var orphanOwner = await Client.CreateAsync(ConfigMap.Named("orphan-owner", ns));
        await Client.CreateAsync(Dependent("child", ns, owner));
        await Client.CreateAsync(Dependent("survivor", ns, orphanOwner));

        await Client.DeleteAsync<ConfigMap>("owner", ns, new DeleteOptions { PropagationPolicy = PropagationPolicy.Background });
        await Client.DeleteAsync<ConfigMap>("orphan-owner", ns, new DeleteOptions { PropagationPolicy = PropagationPolicy.Orphan });

        await Eventually.Async(async () => await Client.TryGetAsync<ConfigMap>("child", ns) is null);
        var survivor = await Client.GetAsync<ConfigMap>("survivor", ns);
        survivor.Metadata.OwnerReferences.Should().BeNullOrEmpty();
    }

    [Fact]
    public async Task Delete_with_a_stale_uid_precondition_is_a_conflict()
    {
        var ns = await fixture.NewNamespaceAsync();
        await Client.CreateAsync(ConfigMap.Named("guarded", ns));

        await Assert.ThrowsAsync<ConflictException>(() =>
            Client.DeleteAsync<ConfigMap>("guarded", ns, new DeleteOptions { PreconditionUid = "not-the-uid" }));
        (await Client.TryGetAsync<ConfigMap>("guarded", ns)).Should().NotBeNull();
    }

    private static ConfigMap Dependent(string name, string ns, ConfigMap owner) => ConfigMap.Named(name, ns) with
    {
        Metadata = new ObjectMeta
        {
            Name = name,
            Namespace = ns,
            OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "ConfigMap", Name = owner.Metadata.Name!, Uid = owner.Metadata.Uid! }],
        },
    };
}
