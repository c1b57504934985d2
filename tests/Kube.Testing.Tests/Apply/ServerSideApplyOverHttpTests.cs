using System.Net;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Apply;

public sealed class ServerSideApplyOverHttpTests : ServerTest
{
    private const string Replicas3 = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 3
          paused: true
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "nginx:1"}]
        """;

    [Fact]
    public async Task A_json_apply_body_makes_the_same_object_as_its_yaml_twin_and_duplicate_keys_are_refused_in_both()
    {
        // JSON is YAML: the server reads a JSON body with the JSON parser, and must not read it differently.
        var ns = await Api.CreateNamespaceAsync();
        var path = $"/api/v1/namespaces/{ns}/configmaps/";
        const string Json = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"j"},"data":{"n":"1.0","t":"true","s":"a\u00e9b"}}""";
        const string Yaml = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: y}\ndata: {n: \"1.0\", t: \"true\", s: \"a\u00e9b\"}\n";

        var json = await Api.ApplyAsync(path + "j?fieldManager=t", Json);
        var yaml = await Api.ApplyAsync(path + "y?fieldManager=t", Yaml);
        var duplicateJson = await Api.ApplyAsync(path + "d?fieldManager=t", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"d"},"data":{"a":"1","a":"2"}}""");
        var duplicateYaml = await Api.ApplyAsync(path + "d?fieldManager=t", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: d}\ndata: {a: \"1\", a: \"2\"}\n");

        json.Status.Should().Be(HttpStatusCode.Created, json.Text);
        json.Json["data"]!.ToJsonString().Should().Be(yaml.Json["data"]!.ToJsonString());
        duplicateJson.Status.Should().Be(duplicateYaml.Status).And.Be(HttpStatusCode.BadRequest, duplicateJson.Text);
        duplicateJson.Json["message"]!.GetValue<string>().Should().Be(duplicateYaml.Json["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_conflicting_apply_is_409_until_forced()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : a different value for another manager's field is a 409 FieldManagerConflict unless force=true.
        var ns = await Api.CreateNamespaceAsync();
        var path = $"/apis/apps/v1/namespaces/{ns}/deployments/web";
        (await Api.ApplyAsync(path + "?fieldManager=alice", Replicas3)).Status.Should().Be(HttpStatusCode.Created);
        var bob = Replicas3.Replace("replicas: 3", "replicas: 5", StringComparison.Ordinal).Replace("  paused: true\n", "", StringComparison.Ordinal);

        var conflict = await Api.ApplyAsync(path + "?fieldManager=bob", bob);
        var forced = await Api.ApplyAsync(path + "?fieldManager=bob&force=true", bob);

        conflict.Status.Should().Be(HttpStatusCode.Conflict, conflict.Text);
        conflict.Json["details"]!["causes"]!.AsArray().Select(c => (string?)c!["field"]).Should().Contain(".spec.replicas");
        conflict.Json["details"]!["causes"]![0]!["reason"]!.GetValue<string>().Should().Be("FieldManagerConflict");
        forced.Status.Should().Be(HttpStatusCode.OK, forced.Text);
        forced.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(5);
        var managers = forced.Json["metadata"]!["managedFields"]!.AsArray().Select(e => (string?)e!["manager"]);
        managers.Should().BeEquivalentTo("alice", "bob");
    }

    [Fact]
    public async Task A_conflict_with_an_updater_is_worded_like_kubernetes()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts : the 409 names the owner, the apiVersion it updated with, and the field.
        var ns = await Api.CreateNamespaceAsync();
        var path = $"/apis/apps/v1/namespaces/{ns}/deployments/web";
        (await Api.ApplyAsync(path + "?fieldManager=alice", Replicas3)).Status.Should().Be(HttpStatusCode.Created);
        var edit = await Api.PatchAsync(path + "?fieldManager=kubectl-edit", System.Text.Json.Nodes.JsonNode.Parse("""{"spec":{"replicas":4}}""")!, "application/merge-patch+json");
        edit.Status.Should().Be(HttpStatusCode.OK, edit.Text);

        var conflict = await Api.ApplyAsync(path + "?fieldManager=alice", Replicas3.Replace("replicas: 3", "replicas: 5", StringComparison.Ordinal));

        conflict.Status.Should().Be(HttpStatusCode.Conflict, conflict.Text);
        conflict.Json["message"]!.GetValue<string>().Should().Be("Apply failed with 1 conflict: conflict with \"kubectl-edit\" using apps/v1: .spec.replicas");
        conflict.Json["details"]!["causes"]![0]!["message"]!.GetValue<string>().Should().Be("conflict with \"kubectl-edit\" using apps/v1");
    }

    [Fact]
    public async Task A_field_dropped_from_the_apply_configuration_is_removed_from_the_stored_object()
    {
        // https://kubernetes.io/docs/reference/using-api/server-side-apply/#merge-strategy : fields the applier no longer applies, and nobody else owns, are removed.
        var ns = await Api.CreateNamespaceAsync();
        var path = $"/apis/apps/v1/namespaces/{ns}/deployments/web?fieldManager=alice";
        (await Api.ApplyAsync(path, Replicas3)).Status.Should().Be(HttpStatusCode.Created);

        var reapplied = await Api.ApplyAsync(path, Replicas3.Replace("  paused: true\n", "", StringComparison.Ordinal));

        reapplied.Status.Should().Be(HttpStatusCode.OK, reapplied.Text);
        reapplied.Json["spec"]!.AsObject().ContainsKey("paused").Should().BeFalse();
        var stored = await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web");
        stored.Json["spec"]!.AsObject().ContainsKey("paused").Should().BeFalse();
    }
}
