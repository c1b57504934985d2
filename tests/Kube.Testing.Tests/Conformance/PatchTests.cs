using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class PatchTests : ServerTest
{
    // JSON merge patch (RFC 7386): null deletes, lists are replaced: https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#use-a-json-merge-patch-to-update-a-deployment
    [Fact]
    public async Task Merge_patch_replaces_lists_and_null_deletes()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""
            {"metadata":{"labels":{"x":"1"}},"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}
            """)!, "application/merge-patch+json");
        var removed = await Api.PatchAsync(path, JsonNode.Parse("""{"metadata":{"labels":{"x":null}}}""")!, "application/merge-patch+json");

        reply.Status.Should().Be(HttpStatusCode.OK);
        Containers(reply.Json).Should().Equal("side");
        removed.Json["metadata"]!["labels"]?["x"].Should().BeNull();
    }

    // Strategic merge patch merges containers by name: https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#use-a-strategic-merge-patch-to-update-a-deployment
    [Fact]
    public async Task Strategic_merge_patch_merges_containers_by_name()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""
            {"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"},{"name":"web","image":"nginx:1.28"}]}}}}
            """)!, "application/strategic-merge-patch+json");

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        Containers(reply.Json).Should().Equal("web", "side");
        reply.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>().Should().Be("nginx:1.28");
    }

    // Strategic merge patch's $patch: delete removes one list item: https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md
    [Fact]
    public async Task Strategic_merge_patch_deletes_an_item_by_key()
    {
        var path = await CreateDeploymentAsync();
        await Api.PatchAsync(path, JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox"}]}}}}""")!, "application/strategic-merge-patch+json");

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""{"spec":{"template":{"spec":{"containers":[{"name":"web","$patch":"delete"}]}}}}""")!, "application/strategic-merge-patch+json");

        Containers(reply.Json).Should().Equal("side");
    }

    // JSON patch (RFC 6902) operations, including a failing test op: https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#use-a-json-patch-to-update-a-deployment
    [Fact]
    public async Task Json_patch_applies_operations_in_order()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""
            [{"op":"test","path":"/spec/replicas","value":1},
             {"op":"replace","path":"/spec/replicas","value":4},
             {"op":"add","path":"/metadata/labels","value":{"a":"b"}},
             {"op":"add","path":"/spec/template/spec/containers/-","value":{"name":"tail","image":"busybox"}}]
            """)!, "application/json-patch+json");
        var failed = await Api.PatchAsync(path, JsonNode.Parse("""[{"op":"test","path":"/spec/replicas","value":99}]""")!, "application/json-patch+json");

        reply.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(4);
        reply.Json["metadata"]!["labels"]!["a"]!.GetValue<string>().Should().Be("b");
        Containers(reply.Json).Should().Equal("web", "tail");
        failed.Status.Should().Be(HttpStatusCode.BadRequest);
    }

    // Patching the status subresource: https://kubernetes.io/docs/reference/using-api/api-concepts/#patch-and-apply
    [Fact]
    public async Task Status_can_be_patched_with_json_patch()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path + "/status", JsonNode.Parse("""[{"op":"add","path":"/status","value":{"replicas":1}}]""")!, "application/json-patch+json");

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Json["status"]!["replicas"]!.GetValue<int>().Should().Be(1);
    }

    // Unknown patch media types are 415: https://kubernetes.io/docs/reference/using-api/api-concepts/#patch-and-apply
    [Fact]
    public async Task Unknown_patch_type_is_unsupported_media_type()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path, JsonNode.Parse("{}")!, "text/plain");

        reply.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    // Patch of a missing object is NotFound: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
    [Fact]
    public async Task Patch_of_missing_object_is_NotFound()
    {
        var reply = await Api.PatchAsync("/api/v1/namespaces/default/configmaps/none", JsonNode.Parse("{}")!, "application/merge-patch+json");

        reply.Status.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<string> CreateDeploymentAsync()
    {
        var ns = await Api.CreateNamespaceAsync();
        (await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("web"))).Status.Should().Be(HttpStatusCode.Created);
        return $"/apis/apps/v1/namespaces/{ns}/deployments/web";
    }

    private static List<string> Containers(JsonObject deployment) =>
        [.. deployment["spec"]!["template"]!["spec"]!["containers"]!.AsArray().Select(c => c!["name"]!.GetValue<string>())];
}
