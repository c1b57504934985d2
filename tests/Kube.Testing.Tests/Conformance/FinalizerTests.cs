using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class FinalizerTests : ServerTest
{
    private const string Merge = "application/merge-patch+json";

    // Deleting an object with finalizers only marks it with deletionTimestamp: https://kubernetes.io/docs/concepts/overview/working-with-objects/finalizers/
    [Fact]
    public async Task Delete_with_finalizers_marks_the_object()
    {
        var path = await CreateWithFinalizerAsync();

        var reply = await Api.DeleteAsync(path);

        reply.Status.Should().Be(HttpStatusCode.OK);
        var live = (await Api.GetAsync(path)).Json;
        live["metadata"]!["deletionTimestamp"].Should().NotBeNull();
        live["metadata"]!["deletionGracePeriodSeconds"]!.GetValue<long>().Should().Be(0);
    }

    // Removing the last finalizer of a deleting object deletes it: https://kubernetes.io/docs/concepts/overview/working-with-objects/finalizers/
    [Fact]
    public async Task Removing_last_finalizer_completes_the_delete()
    {
        var path = await CreateWithFinalizerAsync();
        await Api.DeleteAsync(path);

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""{"metadata":{"finalizers":null}}""")!, Merge);

        reply.Status.Should().Be(HttpStatusCode.OK);
        (await Api.GetAsync(path)).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // No new finalizers may be added once deletion started: https://kubernetes.io/docs/concepts/overview/working-with-objects/finalizers/
    [Fact]
    public async Task Adding_a_finalizer_to_a_deleting_object_is_forbidden()
    {
        var path = await CreateWithFinalizerAsync();
        await Api.DeleteAsync(path);

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""{"metadata":{"finalizers":["paas.dev/cleanup","late.example/x"]}}""")!, Merge);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.Json["message"]!.GetValue<string>().Should().Contain("no new finalizers can be added if the object is being deleted");
    }

    private async Task<string> CreateWithFinalizerAsync()
    {
        var ns = await Api.CreateNamespaceAsync();
        var body = Objects.ConfigMap("held");
        body["metadata"]!["finalizers"] = new JsonArray("paas.dev/cleanup");
        (await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", body)).Status.Should().Be(HttpStatusCode.Created);
        return $"/api/v1/namespaces/{ns}/configmaps/held";
    }
}
