using System.Text.Json.Nodes;
using Kube.Testing.Apply;
using Kube.Testing.Server;
using static Kube.Testing.Tests.Apply.ApplyFixture;

namespace Kube.Testing.Tests.Apply;

public class FieldManagerUpdateTests
{
    private readonly FieldManager _manager = new();
    private readonly StubSchema _schema = ContainersSchema();

    [Fact]
    public void A_create_is_an_update_of_every_field()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#apply-and-update : non-apply writes record an Update entry for the fields they set.
        var created = _manager.Update(Deployments, _schema, null, Deployment("""{"replicas":1}"""), "kubectl-create", Now);

        FieldsOf(created, "kubectl-create", "Update").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
    }

    [Fact]
    public void An_update_moves_changed_fields_to_the_updater_and_leaves_unchanged_ones()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#apply-and-update : an update takes ownership of the fields it changes from other managers.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3,"paused":false}"""), "kubectl");
        var edited = live.DeepClone().AsObject();
        edited["spec"]!["replicas"] = 5;
        var updated = _manager.Update(Deployments, _schema, live, edited, "kubectl-edit", Now);

        FieldsOf(updated, "kubectl", "Apply").Should().Be("""{"f:spec":{"f:paused":{}}}""");
        FieldsOf(updated, "kubectl-edit", "Update").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
    }

    [Fact]
    public void Update_then_apply_of_a_different_value_conflicts_with_the_updater()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : after kubectl edit changes replicas, an apply of another value conflicts with kubectl-edit.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3}"""), "kubectl");
        var edited = live.DeepClone().AsObject();
        edited["spec"]!["replicas"] = 5;
        live = _manager.Update(Deployments, _schema, live, edited, "kubectl-edit", Now);

        var result = _manager.Apply(Deployments, _schema, live, Deployment("""{"replicas":3}"""), "kubectl", force: false, Now);

        result.Conflicts.Should().Equal(new FieldConflict("kubectl-edit", ".spec.replicas", "apps/v1"));
        FieldConflictMessage.Format(result.Conflicts).Should().Be("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas");
    }

    [Fact]
    public void An_update_that_removes_a_field_drops_it_from_every_owner()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management : managed fields only list fields the object has.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3}"""), "kubectl");
        var edited = live.DeepClone().AsObject();
        edited["spec"]!.AsObject().Remove("replicas");
        edited["spec"]!["paused"] = true;
        var updated = _manager.Update(Deployments, _schema, live, edited, "editor", Now);

        Entry(updated, "kubectl", "Apply").Should().BeNull();
        FieldsOf(updated, "editor", "Update").Should().Be("""{"f:spec":{"f:paused":{}}}""");
    }

    [Fact]
    public void An_update_changing_nothing_records_no_entry()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#apply-and-update : a manager owns only what it changed.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3}"""), "kubectl");
        var updated = _manager.Update(Deployments, _schema, live, live.DeepClone().AsObject(), "noop", Now);

        Entry(updated, "noop", "Update").Should().BeNull();
        FieldsOf(updated, "kubectl", "Apply").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
    }

    [Fact]
    public void Sending_an_empty_managed_fields_entry_clears_managed_fields()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#clearing-managedfields : an update with managedFields [{}] strips them.
        var live = _manager.MustApply(_schema, null, Deployment("""{"replicas":3}"""), "kubectl");
        var edited = live.DeepClone().AsObject();
        edited["metadata"]!["managedFields"] = new JsonArray(new JsonObject());
        var updated = _manager.Update(Deployments, _schema, live, edited, "cleaner", Now);

        updated["metadata"]!.AsObject().ContainsKey("managedFields").Should().BeFalse();
    }

    [Fact]
    public void A_main_resource_apply_leaves_status_alone_when_status_is_a_subresource()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#status-subresource : writes to the main resource ignore status.
        var schema = new StubSchema { StatusSubresource = true };
        var live = Deployment("""{"replicas":1}""");
        live["status"] = new JsonObject { ["ready"] = 1 };
        var applied = Deployment("""{"replicas":2}""");
        applied["status"] = new JsonObject { ["ready"] = 9 };

        var result = _manager.MustApply(schema, live, applied, "kubectl");

        result["status"]!["ready"]!.GetValue<int>().Should().Be(1);
        FieldsOf(result, "kubectl", "Apply").Should().Be("""{"f:spec":{"f:replicas":{}}}""");
    }

    [Fact]
    public void A_status_apply_touches_only_status_and_names_the_subresource()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management : managed fields record the subresource a manager wrote through.
        var schema = new StubSchema { StatusSubresource = true };
        var live = Deployment("""{"replicas":1}""");
        var applied = Deployment("""{"replicas":7}""");
        applied["status"] = new JsonObject { ["ready"] = 1 };
        var statusWrite = Deployments with { Subresource = "status" };

        var result = _manager.MustApply(schema, live, applied, "controller", resource: statusWrite);

        result["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
        result["status"]!["ready"]!.GetValue<int>().Should().Be(1);
        var entry = Entry(result, "controller", "Apply")!;
        entry["subresource"]!.GetValue<string>().Should().Be("status");
        entry["fieldsV1"]!.ToJsonString().Should().Be("""{"f:status":{"f:ready":{}}}""");
    }

    [Fact]
    public void Fields_v1_survives_a_round_trip()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#field-management : FieldsV1 is a trie of f:, k:, v: elements with "." for the node itself.
        const string text = """{"f:metadata":{"f:labels":{".":{},"f:app":{}}},"f:spec":{"f:list":{"k:{\"name\":\"a\"}":{".":{},"f:name":{}},"v:3":{}}}}""";

        FieldPath.ToJson(FieldSet.FromFieldsV1(Json(text)).ToFieldsV1()).Should().Be(text);
    }
}
