using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class CustomResourceTests : ServerTest
{
    private const string Crd = """
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition",
         "metadata":{"name":"apps.paas.dev"},
         "spec":{"group":"paas.dev","scope":"Namespaced",
           "names":{"kind":"App","plural":"apps","singular":"app","shortNames":["pa"],"categories":["paas"]},
           "versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
             "schema":{"openAPIV3Schema":{"type":"object","x-kubernetes-preserve-unknown-fields":true}},
             "additionalPrinterColumns":[
               {"name":"URL","type":"string","jsonPath":".status.url"},
               {"name":"Ready","type":"string","jsonPath":".status.conditions[?(@.type==\"Ready\")].status"},
               {"name":"Replicas","type":"integer","jsonPath":".spec.replicas"}]}]}}
        """;

    // Creating a CRD serves its resource at once and lists it in discovery: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#create-a-customresourcedefinition
    [Fact]
    public async Task Crd_registers_its_resource_in_discovery()
    {
        var created = await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);

        created.Status.Should().Be(HttpStatusCode.Created, created.Text);
        var groups = (await Api.GetAsync("/apis")).Json["groups"]!.AsArray();
        groups.Select(g => g!["name"]!.GetValue<string>()).Should().Contain("paas.dev");
        var resources = (await Api.GetAsync("/apis/paas.dev/v1alpha1")).Json["resources"]!.AsArray();
        var app = resources.Single(r => r!["name"]!.GetValue<string>() == "apps")!;
        app["kind"]!.GetValue<string>().Should().Be("App");
        app["shortNames"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("pa");
        app["categories"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("paas");
        resources.Select(r => r!["name"]!.GetValue<string>()).Should().Contain("apps/status");
    }

    // The API server marks an accepted CRD Established and NamesAccepted: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#create-a-customresourcedefinition
    [Fact]
    public async Task Crd_status_is_established()
    {
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);

        var crd = (await Api.GetAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/apps.paas.dev")).Json;

        var conditions = crd["status"]!["conditions"]!.AsArray();
        conditions.Where(c => c!["status"]!.GetValue<string>() == "True").Select(c => c!["type"]!.GetValue<string>())
            .Should().BeEquivalentTo("Established", "NamesAccepted");
        crd["status"]!["acceptedNames"]!["kind"]!.GetValue<string>().Should().Be("App");
    }

    // Custom objects get CRUD and status like built-ins: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#status-subresource
    [Fact]
    public async Task Custom_objects_support_crud_and_status()
    {
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);

        var created = await Api.PostAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps", App("hello"));
        var status = await Api.PatchAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps/hello/status",
            JsonNode.Parse("""{"status":{"url":"http://hello"}}""")!, "application/merge-patch+json");
        var spec = await Api.PatchAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps/hello",
            JsonNode.Parse("""{"spec":{"replicas":3}}""")!, "application/merge-patch+json");

        created.Status.Should().Be(HttpStatusCode.Created, created.Text);
        status.Json["status"]!["url"]!.GetValue<string>().Should().Be("http://hello");
        status.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(1);
        spec.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    // Strategic merge patch is not supported for custom resources: https://kubernetes.io/docs/tasks/manage-kubernetes-objects/update-api-object-kubectl-patch/#use-a-json-merge-patch-to-update-a-deployment
    [Fact]
    public async Task Strategic_merge_patch_of_custom_object_is_unsupported()
    {
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);
        await Api.PostAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps", App("hello"));

        var reply = await Api.PatchAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps/hello", JsonNode.Parse("{}")!, "application/strategic-merge-patch+json");

        reply.Status.Should().Be(HttpStatusCode.UnsupportedMediaType);
    }

    // Printer columns are evaluated with JSONPath into the Table kubectl reads: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#additional-printer-columns
    [Fact]
    public async Task Table_shows_printer_columns()
    {
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);
        await Api.PostAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps", App("hello"));
        await Api.PatchAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps/hello/status",
            JsonNode.Parse("""{"status":{"url":"http://hello","conditions":[{"type":"Other","status":"False"},{"type":"Ready","status":"True"}]}}""")!,
            "application/merge-patch+json");

        var table = await Api.GetAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json");

        table.Json["kind"]!.GetValue<string>().Should().Be("Table");
        table.Json["apiVersion"]!.GetValue<string>().Should().Be("meta.k8s.io/v1");
        table.Json["columnDefinitions"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).Should().Equal("Name", "URL", "Ready", "Replicas");
        var cells = table.Json["rows"]![0]!["cells"]!.AsArray();
        cells[0]!.GetValue<string>().Should().Be("hello");
        cells[1]!.GetValue<string>().Should().Be("http://hello");
        cells[2]!.GetValue<string>().Should().Be("True");
        cells[3]!.GetValue<int>().Should().Be(2);
        table.Json["rows"]![0]!["object"]!["kind"]!.GetValue<string>().Should().Be("PartialObjectMetadata");
    }

    // Deleting a CRD deletes its objects and stops serving the resource: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#delete-a-customresourcedefinition
    [Fact]
    public async Task Deleting_the_crd_removes_resource_and_objects()
    {
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);
        await Api.PostAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps", App("hello"));

        await Api.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/apps.paas.dev");

        (await Api.GetAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps/hello")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Api.GetAsync("/apis/paas.dev/v1alpha1")).Status.Should().Be(HttpStatusCode.NotFound);
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);
        (await Api.GetAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps")).Json["items"]!.AsArray().Should().BeEmpty();
    }

    // Watches of a custom resource end when its CRD is deleted, after the DELETED events: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#delete-a-customresourcedefinition
    [Fact]
    public async Task Deleting_the_crd_ends_watches_of_its_resource()
    {
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse(Crd)!);
        await Api.PostAsync("/apis/paas.dev/v1alpha1/namespaces/default/apps", App("hello"));
        await using var watch = await WatchStream.OpenAsync(Api.Http, "/apis/paas.dev/v1alpha1/apps?watch=true");
        (await watch.NextAsync()).Type().Should().Be("ADDED");

        await Api.DeleteAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/apps.paas.dev");

        (await watch.NextAsync()).Type().Should().Be("DELETED");
        (await watch.NextAsync()).Should().BeNull();
    }

    // A CRD's name must be <plural>.<group>: https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#create-a-customresourcedefinition
    [Fact]
    public async Task Crd_with_wrong_name_is_invalid()
    {
        var crd = JsonNode.Parse(Crd)!.AsObject();
        crd["metadata"]!["name"] = "wrong.paas.dev";

        var reply = await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd);

        reply.Status.Should().Be(HttpStatusCode.UnprocessableEntity);
        reply.Json["details"]!["causes"]![0]!["field"]!.GetValue<string>().Should().Be("metadata.name");
    }

    private static JsonObject App(string name) => new()
    {
        ["apiVersion"] = "paas.dev/v1alpha1",
        ["kind"] = "App",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["spec"] = new JsonObject { ["replicas"] = 2 },
    };
}
