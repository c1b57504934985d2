using System.Net;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Tests.Support;

namespace Kube.Tests.Client;

public sealed class RequestShapeTests
{
    private const string ConfigMapJson = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"ns","resourceVersion":"3"}}""";
    private const string WidgetJson = """{"apiVersion":"example.dev/v1alpha1","kind":"Widget","metadata":{"name":"w"},"status":{"phase":"Ready"}}""";
    private readonly ScriptedHandler _handler = new();

    [Fact]
    public async Task Apply_patches_with_the_apply_content_type_field_manager_and_force()
    {
        _handler.ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = TestClients.Over(_handler);
        var desired = ConfigMap.Named("x", "ns", new Dictionary<string, string> { ["k"] = "v" }) with
        {
            Metadata = new ObjectMeta { Name = "x", Namespace = "ns", ManagedFields = [new ManagedFieldsEntry { Manager = "old" }] },
        };

        await client.ApplyAsync(desired, new ApplyOptions("paas-operator", Force: true));

        var request = _handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Patch);
        request.ContentType.Should().Be("application/apply-patch+yaml");
        request.PathAndQuery.Should().Be("/api/v1/namespaces/ns/configmaps/x?fieldManager=paas-operator&force=true");
        var body = JsonNode.Parse(request.Body!)!;
        ((string?)body["apiVersion"]).Should().Be("v1");
        ((string?)body["kind"]).Should().Be("ConfigMap");
        ((string?)body["data"]!["k"]).Should().Be("v");
        body["metadata"]!["managedFields"].Should().BeNull("the server rejects an apply that carries managedFields");
    }

    [Fact]
    public async Task Apply_status_targets_the_status_subresource_and_can_dry_run()
    {
        _handler.ThenJson(HttpStatusCode.OK, WidgetJson);
        using var client = TestClients.Over(_handler);

        var applied = await client.ApplyStatusAsync(
            new Widget { Metadata = new ObjectMeta { Name = "w" }, Status = new WidgetStatus("Ready") },
            new ApplyOptions("paas-operator") { DryRun = true });

        applied.Status!.Phase.Should().Be("Ready");
        _handler.Requests.Single().PathAndQuery.Should().Be("/apis/example.dev/v1alpha1/widgets/w/status?fieldManager=paas-operator&dryRun=All");
    }

    [Fact]
    public async Task Create_posts_to_the_collection_of_the_objects_namespace()
    {
        _handler.ThenJson(HttpStatusCode.Created, ConfigMapJson);
        using var client = TestClients.Over(_handler);

        var created = await client.CreateAsync(ConfigMap.Named("x", "ns"));

        created.Metadata.ResourceVersion.Should().Be("3");
        var request = _handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Post);
        request.PathAndQuery.Should().Be("/api/v1/namespaces/ns/configmaps");
        request.ContentType.Should().Be("application/json");
        ((string?)JsonNode.Parse(request.Body!)!["kind"]).Should().Be("ConfigMap");
    }

    [Fact]
    public async Task Replace_and_replace_status_put_to_the_object_and_its_status()
    {
        _handler.ThenJson(HttpStatusCode.OK, ConfigMapJson).ThenJson(HttpStatusCode.OK, WidgetJson);
        using var client = TestClients.Over(_handler);

        await client.ReplaceAsync(ConfigMap.Named("x", "ns"));
        await client.ReplaceStatusAsync(new Widget { Metadata = new ObjectMeta { Name = "w" } });

        _handler.Requests.Select(r => $"{r.Method} {r.PathAndQuery}").Should().Equal(
            "PUT /api/v1/namespaces/ns/configmaps/x",
            "PUT /apis/example.dev/v1alpha1/widgets/w/status");
    }

    [Fact]
    public async Task Merge_patch_sends_the_patch_as_merge_patch_json()
    {
        _handler.ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = TestClients.Over(_handler);

        await client.MergePatchAsync<ConfigMap>("x", "ns", new JsonObject { ["metadata"] = new JsonObject { ["finalizers"] = new JsonArray("paas.dev/cleanup") } });

        var request = _handler.Requests.Single();
        request.ContentType.Should().Be("application/merge-patch+json");
        request.Body.Should().Be("""{"metadata":{"finalizers":["paas.dev/cleanup"]}}""");
    }

    [Fact]
    public async Task Delete_sends_propagation_policy_and_uid_precondition_in_the_body()
    {
        _handler.ThenJson(HttpStatusCode.OK, """{"kind":"Status","status":"Success"}""");
        using var client = TestClients.Over(_handler);

        await client.DeleteAsync<ConfigMap>("x", "ns", new DeleteOptions { PropagationPolicy = PropagationPolicy.Foreground, PreconditionUid = "u-1" });

        var request = _handler.Requests.Single();
        request.Method.Should().Be(HttpMethod.Delete);
        request.PathAndQuery.Should().Be("/api/v1/namespaces/ns/configmaps/x");
        var body = JsonNode.Parse(request.Body!)!;
        ((string?)body["kind"]).Should().Be("DeleteOptions");
        ((string?)body["propagationPolicy"]).Should().Be("Foreground");
        ((string?)body["preconditions"]!["uid"]).Should().Be("u-1");
    }

    [Fact]
    public async Task Delete_of_a_missing_object_succeeds_only_when_asked_to_ignore_it()
    {
        var notFound = ScriptedHandler.StatusJson(404, "NotFound", "gone");
        _handler.ThenJson(HttpStatusCode.NotFound, notFound).ThenJson(HttpStatusCode.NotFound, notFound);
        using var client = TestClients.Over(_handler);

        await client.DeleteAsync<ConfigMap>("x", "ns", new DeleteOptions { IgnoreNotFound = true });
        await Assert.ThrowsAsync<NotFoundException>(() => client.DeleteAsync<ConfigMap>("x", "ns"));
    }

    [Fact]
    public async Task List_escapes_selectors_and_reads_items_and_continue()
    {
        _handler.ThenJson(HttpStatusCode.OK, """
            {"apiVersion":"v1","kind":"ConfigMapList","metadata":{"resourceVersion":"77","continue":"tok/en=="},
             "items":[{"metadata":{"name":"a","namespace":"ns"}},{"metadata":{"name":"b","namespace":"ns"}}]}
            """);
        using var client = TestClients.Over(_handler);

        var page = await client.ListAsync<ConfigMap>("ns", new ListOptions { LabelSelector = "paas.dev/app=web,tier!=db", FieldSelector = "metadata.name=a", Limit = 2 });

        _handler.Requests.Single().PathAndQuery.Should().Be(
            "/api/v1/namespaces/ns/configmaps?labelSelector=paas.dev%2Fapp%3Dweb%2Ctier%21%3Ddb&fieldSelector=metadata.name%3Da&limit=2");
        page.Metadata.ResourceVersion.Should().Be("77");
        page.Metadata.Continue.Should().Be("tok/en==");
        page.Items.Select(i => i.Metadata.Name).Should().Equal("a", "b");
        page.Items.Should().OnlyContain(i => i.Kind == "ConfigMap" && i.ApiVersion == "v1");
    }

    [Fact]
    public async Task List_all_follows_continue_tokens_and_keeps_the_first_resource_version()
    {
        _handler
            .ThenJson(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10","continue":"c1"},"items":[{"metadata":{"name":"a"}}]}""")
            .ThenJson(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10","continue":"c2"},"items":[{"metadata":{"name":"b"}}]}""")
            .ThenJson(HttpStatusCode.OK, """{"metadata":{"resourceVersion":"10"},"items":[{"metadata":{"name":"c"}}]}""");
        using var client = TestClients.Over(_handler);

        var all = await client.ListAllAsync<ConfigMap>(null, new ListOptions { LabelSelector = "a=b" }, pageSize: 1);

        all.Items.Select(i => i.Metadata.Name).Should().Equal("a", "b", "c");
        all.Metadata.ResourceVersion.Should().Be("10");
        all.Metadata.Continue.Should().BeNull();
        _handler.Requests.Select(r => r.PathAndQuery).Should().Equal(
            "/api/v1/configmaps?labelSelector=a%3Db&limit=1",
            "/api/v1/configmaps?labelSelector=a%3Db&limit=1&continue=c1",
            "/api/v1/configmaps?labelSelector=a%3Db&limit=1&continue=c2");
    }

    [Fact]
    public async Task Server_url_with_a_path_prefix_keeps_it()
    {
        _handler.ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = new KubeClient(_handler, new Uri("https://rancher.example/k8s/clusters/c-1/"), new KubeClientOptions { JsonResolvers = [TestJsonContext.Default] });

        await client.GetAsync<ConfigMap>("x", "ns");

        _handler.Requests.Single().PathAndQuery.Should().Be("/k8s/clusters/c-1/api/v1/namespaces/ns/configmaps/x");
    }

    [Fact]
    public async Task Type_without_json_metadata_gets_a_message_naming_the_fix()
    {
        _handler.ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = new KubeClient(_handler, TestClients.Server);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.GetAsync<ConfigMap>("x", "ns"));

        error.Message.Should().Contain("JsonSerializable(typeof(ConfigMap))").And.Contain("KubeClientOptions.JsonResolvers");
    }

    [Fact]
    public async Task Dynamic_client_writes_json_objects_to_a_resource_known_at_run_time()
    {
        var crontabs = new ResourceType("stable.example.com", "v1", "CronTab", "crontabs", Namespaced: true);
        _handler
            .ThenJson(HttpStatusCode.OK, """{"apiVersion":"stable.example.com/v1","kind":"CronTab","metadata":{"name":"c","namespace":"ns"}}""")
            .ThenJson(HttpStatusCode.OK, """{"kind":"CronTabList","metadata":{},"items":[{"metadata":{"name":"c"}}]}""");
        using var client = TestClients.Over(_handler);
        var manifest = new JsonObject { ["metadata"] = new JsonObject { ["name"] = "c", ["namespace"] = "ns" }, ["spec"] = new JsonObject { ["cronSpec"] = "* * * * */5" } };

        await client.Dynamic.ApplyAsync(crontabs, manifest, new ApplyOptions("installer"));
        var list = await client.Dynamic.ListAsync(crontabs, "ns");

        _handler.Requests[0].PathAndQuery.Should().Be("/apis/stable.example.com/v1/namespaces/ns/crontabs/c?fieldManager=installer");
        ((string?)JsonNode.Parse(_handler.Requests[0].Body!)!["apiVersion"]).Should().Be("stable.example.com/v1");
        manifest["apiVersion"].Should().BeNull("the caller's object is not modified");
        ((string?)list["items"]![0]!["kind"]).Should().Be("CronTab");
    }

    [Fact]
    public async Task Dynamic_discovery_finds_the_plural_and_scope_of_a_kind()
    {
        _handler.ThenJson(HttpStatusCode.OK, """
            {"kind":"APIResourceList","groupVersion":"apps/v1","resources":[
              {"name":"deployments","namespaced":true,"kind":"Deployment"},
              {"name":"deployments/status","namespaced":true,"kind":"Deployment"}]}
            """);
        using var client = TestClients.Over(_handler);

        var type = await client.Dynamic.DiscoverAsync("apps/v1", "Deployment");
        var again = await client.Dynamic.DiscoverAsync("apps/v1", "Deployment");

        type.Should().Be(new ResourceType("apps", "v1", "Deployment", "deployments", Namespaced: true));
        again.Should().Be(type);
        _handler.Requests.Should().ContainSingle("discovery answers are cached").Which.PathAndQuery.Should().Be("/apis/apps/v1");
    }
}
