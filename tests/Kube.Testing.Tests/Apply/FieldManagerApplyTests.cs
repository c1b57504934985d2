using Kube.Testing.Apply;
using Kube.Testing.Server;
using static Kube.Testing.Tests.Apply.ApplyFixture;

namespace Kube.Testing.Tests.Apply;

public class FieldManagerApplyTests
{
    private readonly FieldManager _manager = new();
    private readonly StubSchema _schema = ContainersSchema();

    [Fact]
    public void Apply_that_creates_sets_every_field_and_records_an_apply_entry()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#apply-and-update : an apply to a missing object creates it and the applier owns what it set.
        var created = _manager.MustApply(_schema, null, Deployment("""{"replicas":2,"paused":false}"""), "kubectl");

        created["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        created["metadata"]!["name"]!.GetValue<string>().Should().Be("web");
        var entry = Entry(created, "kubectl", "Apply")!;
        entry["apiVersion"]!.GetValue<string>().Should().Be("apps/v1");
        entry["fieldsType"]!.GetValue<string>().Should().Be("FieldsV1");
        entry["time"]!.GetValue<string>().Should().Be("2024-05-01T12:00:00Z");
        entry.ContainsKey("subresource").Should().BeFalse();
        entry["fieldsV1"]!.ToJsonString().Should().Be("""{"f:spec":{"f:paused":{},"f:replicas":{}}}""");
    }

    [Fact]
    public void Identity_and_server_set_metadata_are_never_owned()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management : apiVersion, kind, name, namespace and server-set metadata are not tracked.
        var applied = Json("""
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","namespace":"n","uid":"u","resourceVersion":"5","labels":{"app":"a"}},"data":{"k":"v"}}
            """);
        var created = _manager.MustApply(_schema, null, applied, "kubectl");

        FieldsOf(created, "kubectl", "Apply").Should().Be("""{"f:data":{"f:k":{}},"f:metadata":{"f:labels":{"f:app":{}}}}""");
    }

    [Fact]
    public void Two_managers_applying_the_same_value_share_the_field_without_conflict()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : applying the same value as another owner is shared ownership, not a conflict.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3}"""), "alice");
        var shared = _manager.MustApply(_schema, live, Deployment("""{"replicas":3}"""), "bob");

        FieldsOf(shared, "alice", "Apply").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
        FieldsOf(shared, "bob", "Apply").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
    }

    [Fact]
    public void Applying_a_different_value_for_another_managers_field_conflicts()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : a changed value of a field owned by another manager is a conflict.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3}"""), "alice");
        var result = _manager.Apply(Deployments, _schema, live, Deployment("""{"replicas":5}"""), "bob", force: false, Now);

        result.Object.Should().BeNull();
        result.Conflicts.Should().Equal(new FieldConflict("alice", ".spec.replicas"));
    }

    [Fact]
    public void Forcing_a_conflicting_apply_takes_the_field_from_its_owner()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : with force the applier becomes the sole owner of the conflicting fields.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3,"paused":true}"""), "alice");
        var forced = _manager.MustApply(_schema, live, Deployment("""{"replicas":5}"""), "bob", force: true);

        forced["spec"]!["replicas"]!.GetValue<int>().Should().Be(5);
        forced["spec"]!["paused"]!.GetValue<bool>().Should().BeTrue();
        FieldsOf(forced, "alice", "Apply").Should().Be("""{"f:spec":{"f:paused":{}}}""");
        FieldsOf(forced, "bob", "Apply").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
    }

    [Fact]
    public void Dropping_a_field_from_the_apply_configuration_removes_it_from_the_object()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : a field the manager applied before and omits now is removed when nobody else owns it.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3,"paused":true}"""), "alice");
        var applied = _manager.MustApply(_schema, live, Deployment("""{"replicas":3}"""), "alice");

        applied["spec"]!.AsObject().ContainsKey("paused").Should().BeFalse();
        FieldsOf(applied, "alice", "Apply").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
    }

    [Fact]
    public void Dropping_a_field_another_manager_also_owns_only_gives_up_ownership()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : a dropped field co-owned by another manager stays, with the other as its owner.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3,"paused":true}"""), "alice");
        live = _manager.MustApply(_schema, live, Deployment("""{"paused":true}"""), "bob");
        var applied = _manager.MustApply(_schema, live, Deployment("""{"replicas":3}"""), "alice");

        applied["spec"]!["paused"]!.GetValue<bool>().Should().BeTrue();
        FieldsOf(applied, "alice", "Apply").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
        FieldsOf(applied, "bob", "Apply").Should().Be("""{"f:spec":{"f:paused":{}}}""");
    }

    [Fact]
    public void Dropping_a_list_item_by_key_removes_only_that_item()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : items of a list-map merge by key; an item the applier drops is removed, others' items stay.
        var live = _manager.MustApply(_schema, null, Deployment(Containers("""{"name":"web","image":"w:1"},{"name":"log","image":"l:1"}""")), "alice");
        live = _manager.MustApply(_schema, live, Deployment(Containers("""{"name":"sidecar","image":"s:1"}""")), "bob");
        var applied = _manager.MustApply(_schema, live, Deployment(Containers("""{"name":"web","image":"w:1"}""")), "alice");

        var names = applied["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => (string)c!["name"]!);
        names.Should().Equal("web", "sidecar");
    }

    [Fact]
    public void List_map_items_are_owned_by_key_with_sorted_compact_keys()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management : list-map items are tracked as k:{keys} with "." for the item itself.
        var created = _manager.MustApply(_schema, null, Deployment(Containers("""{"name":"web","ports":[{"protocol":"TCP","containerPort":80}]}""")), "alice");

        FieldsOf(created, "alice", "Apply").Should().Be(
            """{"f:spec":{"f:template":{"f:spec":{"f:containers":{"k:{\"name\":\"web\"}":{".":{},"f:name":{},"f:ports":{"k:{\"containerPort\":80,\"protocol\":\"TCP\"}":{".":{},"f:containerPort":{},"f:protocol":{}}}}}}}}}""");
    }

    [Fact]
    public void List_map_items_of_two_managers_merge_in_applied_order()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : a manager's apply changes only its items; fields of shared items merge.
        var live = _manager.MustApply(_schema, null, Deployment(Containers("""{"name":"web","image":"w:1"}""")), "alice");
        var merged = _manager.MustApply(_schema, live, Deployment(Containers("""{"name":"web","env":[{"name":"A"}]},{"name":"extra","image":"e:1"}""")), "bob");

        var containers = merged["spec"]!["template"]!["spec"]!["containers"]!.AsArray();
        containers.Select(c => (string)c!["name"]!).Should().Equal("web", "extra");
        containers[0]!["image"]!.GetValue<string>().Should().Be("w:1");
        containers[0]!["env"]!.AsArray().Should().HaveCount(1);
    }

    [Fact]
    public void An_atomic_list_is_replaced_whole_and_owned_as_one_field()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : a list without list-type map or set is atomic.
        var live = _manager.MustApply(_schema, null, Deployment("""{"args":["a","b"]}"""), "alice");
        var result = _manager.Apply(Deployments, _schema, live, Deployment("""{"args":["c"]}"""), "bob", force: false, Now);
        result.Conflicts.Should().Equal(new FieldConflict("alice", ".spec.args"));

        var forced = _manager.MustApply(_schema, live, Deployment("""{"args":["c"]}"""), "bob", force: true);
        forced["spec"]!["args"]!.ToJsonString().Should().Be("""["c"]""");
        FieldsOf(forced, "bob", "Apply").Should().Be("""{"f:spec":{"f:args":{}}}""");
        Entry(forced, "alice", "Apply").Should().BeNull("an entry whose set becomes empty is dropped");
    }

    [Fact]
    public void A_set_list_is_owned_item_by_item_with_value_elements()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : x-kubernetes-list-type set merges scalar items, each owned as v:<value>.
        _schema.Sets.Add("metadata.finalizers");
        var live = _manager.MustApply(_schema, null, Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":["a"]}}"""), "alice");
        var merged = _manager.MustApply(_schema, live, Json("""{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"c","finalizers":["b"]}}"""), "bob");

        merged["metadata"]!["finalizers"]!.ToJsonString().Should().Be("""["b","a"]""");
        FieldsOf(merged, "bob", "Apply").Should().Be("""{"f:metadata":{"f:finalizers":{"v:\"b\"":{}}}}""");
    }

    [Fact]
    public void An_atomic_map_is_replaced_whole()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : x-kubernetes-map-type atomic replaces the map and owns it as one field.
        _schema.AtomicMaps.Add("spec.selector");
        var live = _manager.MustApply(_schema, null, Deployment("""{"selector":{"a":"1","b":"2"}}"""), "alice");
        var applied = _manager.MustApply(_schema, live, Deployment("""{"selector":{"c":"3"}}"""), "alice");

        applied["spec"]!["selector"]!.ToJsonString().Should().Be("""{"c":"3"}""");
        FieldsOf(applied, "alice", "Apply").Should().Be("""{"f:spec":{"f:selector":{}}}""");
    }

    [Fact]
    public void Conflict_paths_name_list_items_by_key()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : conflicts name the field path including list-map keys.
        var live = _manager.MustApply(_schema, null, Deployment(Containers("""{"name":"web","image":"w:1"}""")), "alice");
        var result = _manager.Apply(Deployments, _schema, live, Deployment(Containers("""{"name":"web","image":"w:2"}""")), "bob", force: false, Now);

        result.Conflicts.Should().Equal(new FieldConflict("alice", """.spec.template.spec.containers[name="web"].image"""));
    }

    private static string Containers(string items) => """{"template":{"spec":{"containers":[""" + items + "]}}}";
}
