using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class CrudTests : ServerTest
{
    // Create sets uid, creationTimestamp, resourceVersion and generation: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/object-meta/#ObjectMeta
    [Fact]
    public async Task Create_sets_server_metadata()
    {
        var ns = await Api.CreateNamespaceAsync();
        var reply = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("one"));

        reply.Status.Should().Be(HttpStatusCode.Created, reply.Text);
        var metadata = reply.Json["metadata"]!;
        metadata["uid"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f-]{36}$");
        metadata["creationTimestamp"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$");
        metadata["generation"]!.GetValue<long>().Should().Be(1);
        metadata["namespace"]!.GetValue<string>().Should().Be(ns);
        var get = await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/one");
        get.Status.Should().Be(HttpStatusCode.OK);
        get.Json["data"]!["k"]!.GetValue<string>().Should().Be("v");
        Objects.Rv(get.Json).Should().Be(Objects.Rv(reply.Json));
    }

    // resourceVersion comes from one counter shared by all resources: https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
    [Fact]
    public async Task Resource_versions_increase_across_resources()
    {
        var ns = await Api.CreateNamespaceAsync();
        var first = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("a"));
        var second = await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("b"));
        var third = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("c"));

        var versions = new[] { first, second, third }.Select(r => long.Parse(Objects.Rv(r.Json), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        versions.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    // generateName gets a random 5-character suffix: https://kubernetes.io/docs/reference/using-api/api-concepts/#generated-values
    [Fact]
    public async Task GenerateName_appends_five_random_characters()
    {
        var ns = await Api.CreateNamespaceAsync();
        var body = Objects.ConfigMap("");
        body["metadata"] = new JsonObject { ["generateName"] = "web-" };

        var one = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", body);
        var two = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", body);

        one.Status.Should().Be(HttpStatusCode.Created);
        var name = one.Json["metadata"]!["name"]!.GetValue<string>();
        name.Should().MatchRegex("^web-[a-z0-9]{5}$");
        two.Json["metadata"]!["name"]!.GetValue<string>().Should().NotBe(name);
    }

    // The default, kube-system and kube-public namespaces always exist: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
    [Theory]
    [InlineData("default")]
    [InlineData("kube-system")]
    [InlineData("kube-public")]
    public async Task Initial_namespaces_exist(string name)
    {
        var reply = await Api.GetAsync($"/api/v1/namespaces/{name}");

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json["status"]!["phase"]!.GetValue<string>().Should().Be("Active");
    }

    // The system namespaces cannot be deleted: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/#initial-namespaces
    [Fact]
    public async Task Initial_namespaces_cannot_be_deleted()
    {
        var reply = await Api.DeleteAsync("/api/v1/namespaces/default");

        reply.Status.Should().Be(HttpStatusCode.Forbidden);
        reply.Json["message"]!.GetValue<string>().Should().Be("namespaces \"default\" is forbidden: this namespace may not be deleted");
    }

    // Objects can only be created in an existing namespace: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
    [Fact]
    public async Task Create_in_missing_namespace_is_NotFound()
    {
        var reply = await Api.PostAsync("/api/v1/namespaces/nowhere/configmaps", Objects.ConfigMap("x"));

        reply.Status.Should().Be(HttpStatusCode.NotFound);
        reply.Json["reason"]!.GetValue<string>().Should().Be("NotFound");
        reply.Json["message"]!.GetValue<string>().Should().Be("namespaces \"nowhere\" not found");
    }

    // Errors come back as Status objects with reason and details: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
    [Fact]
    public async Task Get_of_missing_object_returns_NotFound_status()
    {
        var reply = await Api.GetAsync("/apis/apps/v1/namespaces/default/deployments/ghost");

        reply.Status.Should().Be(HttpStatusCode.NotFound);
        reply.ContentType.Should().Be("application/json");
        JsonNode.DeepEquals(reply.Json, JsonNode.Parse("""
            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
             "message":"deployments.apps \"ghost\" not found","reason":"NotFound",
             "details":{"name":"ghost","group":"apps","kind":"deployments"},"code":404}
            """)).Should().BeTrue(reply.Text);
    }

    // A second create of the same name is AlreadyExists: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
    [Fact]
    public async Task Create_of_existing_name_is_AlreadyExists()
    {
        var ns = await Api.CreateNamespaceAsync();
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("dup"));

        var reply = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("dup"));

        reply.Status.Should().Be(HttpStatusCode.Conflict);
        reply.Json["reason"]!.GetValue<string>().Should().Be("AlreadyExists");
        reply.Json["message"]!.GetValue<string>().Should().Be("configmaps \"dup\" already exists");
        reply.Json["details"]!["kind"]!.GetValue<string>().Should().Be("configmaps");
    }

    // An update with a stale resourceVersion is a 409 Conflict (optimistic concurrency): https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
    [Fact]
    public async Task Update_with_stale_resource_version_is_Conflict()
    {
        var ns = await Api.CreateNamespaceAsync();
        var created = (await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("x"))).Json;
        var first = created.DeepClone().AsObject();
        first["spec"]!["replicas"] = 2;
        (await Api.PutAsync($"/apis/apps/v1/namespaces/{ns}/deployments/x", first)).Status.Should().Be(HttpStatusCode.OK);

        var stale = created.DeepClone().AsObject();
        stale["spec"]!["replicas"] = 3;
        var reply = await Api.PutAsync($"/apis/apps/v1/namespaces/{ns}/deployments/x", stale);

        reply.Status.Should().Be(HttpStatusCode.Conflict);
        reply.Json["reason"]!.GetValue<string>().Should().Be("Conflict");
        reply.Json["message"]!.GetValue<string>().Should().Be(
            "Operation cannot be fulfilled on deployments.apps \"x\": the object has been modified; please apply your changes to the latest version and try again");
    }

    // A PUT without resourceVersion is an unconditional update: https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
    [Fact]
    public async Task Update_without_resource_version_is_unconditional()
    {
        var ns = await Api.CreateNamespaceAsync();
        var created = (await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("u"))).Json;
        await Api.PatchAsync($"/api/v1/namespaces/{ns}/configmaps/u", JsonNode.Parse("""{"data":{"k":"other"}}""")!, "application/merge-patch+json");

        var body = Objects.ConfigMap("u", data: new() { ["k"] = "mine" });
        var reply = await Api.PutAsync($"/api/v1/namespaces/{ns}/configmaps/u", body);

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Json["data"]!["k"]!.GetValue<string>().Should().Be("mine");
        reply.Json["metadata"]!["uid"]!.GetValue<string>().Should().Be(created["metadata"]!["uid"]!.GetValue<string>());
    }

    // Delete without finalizers removes the object and answers with a Success status: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
    [Fact]
    public async Task Delete_removes_the_object()
    {
        var ns = await Api.CreateNamespaceAsync();
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("gone"));

        var reply = await Api.DeleteAsync($"/api/v1/namespaces/{ns}/configmaps/gone");

        reply.Status.Should().Be(HttpStatusCode.OK);
        reply.Json["status"]!.GetValue<string>().Should().Be("Success");
        reply.Json["details"]!["name"]!.GetValue<string>().Should().Be("gone");
        (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/gone")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // Deleting a namespace deletes everything in it: https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/
    [Fact]
    public async Task Deleting_a_namespace_deletes_its_contents()
    {
        var ns = await Api.CreateNamespaceAsync();
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("inside"));
        await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("inside"));

        (await Api.DeleteAsync($"/api/v1/namespaces/{ns}")).Status.Should().Be(HttpStatusCode.OK);

        (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/inside")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/inside")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Api.GetAsync($"/api/v1/namespaces/{ns}")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // dryRun=All runs the whole write path but stores nothing: https://kubernetes.io/docs/reference/using-api/api-concepts/#dry-run
    [Fact]
    public async Task Dry_run_create_stores_nothing()
    {
        var ns = await Api.CreateNamespaceAsync();

        var reply = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps?dryRun=All", Objects.ConfigMap("dry"));

        reply.Status.Should().Be(HttpStatusCode.Created);
        reply.Json["metadata"]!["uid"].Should().NotBeNull();
        (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/dry")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // An invalid dryRun value is rejected: https://kubernetes.io/docs/reference/using-api/api-concepts/#dry-run
    [Fact]
    public async Task Unknown_dry_run_value_is_BadRequest()
    {
        var reply = await Api.PostAsync("/api/v1/namespaces/default/configmaps?dryRun=Maybe", Objects.ConfigMap("dry"));

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Json["message"]!.GetValue<string>().Should().Contain("Maybe");
    }

    // Writers without fieldManager are named after their user agent: https://kubernetes.io/docs/reference/using-api/server-side-apply/#managers
    [Fact]
    public async Task Field_manager_defaults_to_the_user_agent_product()
    {
        var ns = await Api.CreateNamespaceAsync();
        Api.Http.DefaultRequestHeaders.UserAgent.ParseAdd("paas-operator/1.0 (linux)");

        var reply = await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("ua"));

        reply.Json["metadata"]!["managedFields"]!.AsArray().Select(e => e!["manager"]!.GetValue<string>()).Should().Contain("paas-operator");
    }

    // A Secret's stringData is write-only: it is merged into data as base64: https://kubernetes.io/docs/concepts/configuration/secret/#restriction-names-data
    [Fact]
    public async Task Secret_string_data_is_merged_into_data()
    {
        var ns = await Api.CreateNamespaceAsync();
        var secret = JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","metadata":{"name":"s"},"data":{"a":"YQ=="},"stringData":{"b":"bee"}}""")!;

        var reply = await Api.PostAsync($"/api/v1/namespaces/{ns}/secrets", secret);

        reply.Json["stringData"].Should().BeNull();
        reply.Json["data"]!["a"]!.GetValue<string>().Should().Be("YQ==");
        reply.Json["data"]!["b"]!.GetValue<string>().Should().Be(Convert.ToBase64String("bee"u8.ToArray()));
    }

    // Names must be DNS subdomains; violations are 422 Invalid with causes: https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-subdomain-names
    [Fact]
    public async Task Invalid_name_is_Invalid_with_cause()
    {
        var reply = await Api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("Not_Valid"));

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.Json["reason"]!.GetValue<string>().Should().Be("Invalid");
        reply.Json["message"]!.GetValue<string>().Should().StartWith("ConfigMap \"Not_Valid\" is invalid: metadata.name: Invalid value: \"Not_Valid\"");
        reply.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.name");
    }
}
