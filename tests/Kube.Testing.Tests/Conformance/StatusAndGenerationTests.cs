using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class StatusAndGenerationTests : ServerTest
{
    private const string Merge = "application/merge-patch+json";

    // generation increases on spec changes only: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/#ObjectMeta
    [Fact]
    public async Task Spec_change_bumps_generation()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""{"spec":{"replicas":5}}""")!, Merge);

        reply.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    // Metadata changes do not change generation: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/#ObjectMeta
    [Fact]
    public async Task Label_change_keeps_generation()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""{"metadata":{"labels":{"tier":"web"}}}""")!, Merge);

        reply.Json["metadata"]!["labels"]!["tier"]!.GetValue<string>().Should().Be("web");
        reply.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
    }

    // With the status subresource, /status writes change only status and keep generation: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#status-subresource
    [Fact]
    public async Task Status_write_changes_only_status()
    {
        var path = await CreateDeploymentAsync();

        var reply = await Api.PatchAsync(path + "/status",
            JsonNode.Parse("""{"spec":{"replicas":9},"status":{"readyReplicas":1}}""")!, Merge);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Json["status"]!["readyReplicas"]!.GetValue<int>().Should().Be(1);
        reply.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(1);
        reply.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
    }

    // With the status subresource, writes to the main resource ignore status: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#status-subresource
    [Fact]
    public async Task Main_resource_write_ignores_status()
    {
        var path = await CreateDeploymentAsync();
        await Api.PatchAsync(path + "/status", JsonNode.Parse("""{"status":{"readyReplicas":1}}""")!, Merge);

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""{"status":{"readyReplicas":7}}""")!, Merge);

        reply.Json["status"]!["readyReplicas"]!.GetValue<int>().Should().Be(1);
    }

    // An update that changes nothing is not persisted: no new resourceVersion: https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
    [Fact]
    public async Task No_op_patch_keeps_resource_version()
    {
        var path = await CreateDeploymentAsync();
        var before = (await Api.GetAsync(path)).Json;

        var reply = await Api.PatchAsync(path, JsonNode.Parse("""{"spec":{"replicas":1}}""")!, Merge);

        Objects.Rv(reply.Json).Should().Be(Objects.Rv(before));
    }

    private async Task<string> CreateDeploymentAsync()
    {
        var ns = await Api.CreateNamespaceAsync();
        var created = await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("web"));
        created.Status.Should().Be(HttpStatusCode.Created, created.Text);
        return $"/apis/apps/v1/namespaces/{ns}/deployments/web";
    }
}
