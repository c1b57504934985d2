using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class GarbageCollectionTests : ServerTest
{
    // Background cascading deletion: the owner goes, then its dependents: https://kubernetes.io/docs/concepts/architecture/garbage-collection/#background-deletion
    [Fact]
    public async Task Background_delete_removes_dependents()
    {
        var (ns, owner) = await CreateOwnerAsync();
        await CreateDependentAsync(ns, "child", owner);

        await Api.DeleteAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner");

        (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/child")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // Foreground deletion: the owner is marked with the foregroundDeletion finalizer until its dependents are gone: https://kubernetes.io/docs/concepts/architecture/garbage-collection/#foreground-deletion
    [Fact]
    public async Task Foreground_delete_waits_for_dependents_with_finalizers()
    {
        var (ns, owner) = await CreateOwnerAsync();
        await CreateDependentAsync(ns, "child", owner, finalizer: "paas.dev/hold");

        var reply = await Api.DeleteAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner",
            JsonNode.Parse("""{"kind":"DeleteOptions","apiVersion":"v1","propagationPolicy":"Foreground"}"""));

        reply.Status.Should().Be(HttpStatusCode.OK);
        var marked = (await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner")).Json;
        marked["metadata"]!["finalizers"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Contain("foregroundDeletion");
        marked["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/child")).Json["metadata"]!["deletionTimestamp"].Should().NotBeNull();

        await Api.PatchAsync($"/api/v1/namespaces/{ns}/configmaps/child", JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!, "application/merge-patch+json");

        (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/child")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // propagationPolicy as a query parameter works like the DeleteOptions body: https://kubernetes.io/docs/concepts/architecture/garbage-collection/#cascading-deletion
    [Fact]
    public async Task Foreground_delete_via_query_removes_owner_after_dependents()
    {
        var (ns, owner) = await CreateOwnerAsync();
        await CreateDependentAsync(ns, "child", owner);

        await Api.DeleteAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner?propagationPolicy=Foreground");

        (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/child")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // Orphan: dependents stay, without the owner reference: https://kubernetes.io/docs/tasks/administer-cluster/use-cascading-deletion/#set-orphan-deletion-policy
    [Fact]
    public async Task Orphan_delete_keeps_dependents_and_drops_the_reference()
    {
        var (ns, owner) = await CreateOwnerAsync();
        await CreateDependentAsync(ns, "child", owner);

        await Api.DeleteAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner", JsonNode.Parse("""{"propagationPolicy":"Orphan"}"""));

        var child = await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/child");
        child.Status.Should().Be(HttpStatusCode.OK);
        child.Json["metadata"]!["ownerReferences"].Should().BeNull();
        (await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // A dependent with another live owner is kept; only the reference to the deleted owner goes: https://kubernetes.io/docs/concepts/overview/working-with-objects/owners-dependents/
    [Fact]
    public async Task Dependent_with_another_owner_survives()
    {
        var (ns, owner) = await CreateOwnerAsync();
        var second = (await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("second"))).Json;
        await CreateDependentAsync(ns, "shared", owner, extraOwner: second);

        await Api.DeleteAsync($"/apis/apps/v1/namespaces/{ns}/deployments/owner");

        var child = await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/shared");
        child.Status.Should().Be(HttpStatusCode.OK);
        child.Json["metadata"]!["ownerReferences"]!.AsArray().Should().ContainSingle()
            .Which!["name"]!.GetValue<string>().Should().Be("second");
    }

    private async Task<(string Namespace, JsonObject Owner)> CreateOwnerAsync()
    {
        var ns = await Api.CreateNamespaceAsync();
        var owner = await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("owner"));
        owner.Status.Should().Be(HttpStatusCode.Created);
        return (ns, owner.Json);
    }

    private async Task CreateDependentAsync(string ns, string name, JsonObject owner, string? finalizer = null, JsonObject? extraOwner = null)
    {
        var body = Objects.ConfigMap(name);
        var references = new JsonArray(Reference(owner));
        if (extraOwner is not null)
            references.Add(Reference(extraOwner));
        body["metadata"]!["ownerReferences"] = references;
        if (finalizer is not null)
            body["metadata"]!["finalizers"] = new JsonArray(finalizer);
        (await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", body)).Status.Should().Be(HttpStatusCode.Created);
    }

    private static JsonObject Reference(JsonObject owner) => new()
    {
        ["apiVersion"] = "apps/v1",
        ["kind"] = "Deployment",
        ["name"] = owner["metadata"]!["name"]!.GetValue<string>(),
        ["uid"] = owner["metadata"]!["uid"]!.GetValue<string>(),
        ["controller"] = true,
        ["blockOwnerDeletion"] = true,
    };
}
