using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class ApplyTests : ServerTest
{
    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
        spec:
          replicas: 2
          paused: false
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: "nginx:1.27"
        """;

    // An apply to a missing object creates it: https://kubernetes.io/docs/reference/using-api/server-side-apply/
    [Fact]
    public async Task Apply_creates_a_missing_object_with_typed_yaml_values()
    {
        var ns = await Api.CreateNamespaceAsync();

        var reply = await Api.ApplyAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web?fieldManager=paas", Deployment);

        reply.Status.Should().Be(HttpStatusCode.Created, reply.Text);
        reply.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(2);
        reply.Json["spec"]!["paused"]!.GetValue<bool>().Should().BeFalse();
        reply.Json["spec"]!["template"]!["spec"]!["containers"]![0]!["image"]!.GetValue<string>().Should().Be("nginx:1.27");
        reply.Json["metadata"]!["managedFields"]!.AsArray().Select(m => m!["manager"]!.GetValue<string>()).Should().Contain("paas");
    }

    // Applying again updates the object in place: https://kubernetes.io/docs/reference/using-api/server-side-apply/
    [Fact]
    public async Task Apply_updates_an_existing_object()
    {
        var ns = await Api.CreateNamespaceAsync();
        await Api.ApplyAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web?fieldManager=paas", Deployment);

        var reply = await Api.ApplyAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web?fieldManager=paas", Deployment.Replace("replicas: 2", "replicas: 5", StringComparison.Ordinal));

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        reply.Json["spec"]!["replicas"]!.GetValue<int>().Should().Be(5);
        reply.Json["metadata"]!["generation"]!.GetValue<long>().Should().Be(2);
    }

    // Apply requires a fieldManager: https://kubernetes.io/docs/reference/using-api/server-side-apply/#managers
    [Fact]
    public async Task Apply_without_field_manager_is_BadRequest()
    {
        var ns = await Api.CreateNamespaceAsync();

        var reply = await Api.ApplyAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web", Deployment);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Json["message"]!.GetValue<string>().Should().Contain("fieldManager");
    }

    // Apply with dryRun=All changes nothing: https://kubernetes.io/docs/reference/using-api/api-concepts/#dry-run
    [Fact]
    public async Task Dry_run_apply_stores_nothing()
    {
        var ns = await Api.CreateNamespaceAsync();

        var reply = await Api.ApplyAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web?fieldManager=paas&dryRun=All", Deployment);

        reply.Status.Should().Be(HttpStatusCode.Created, reply.Text);
        (await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web")).Status.Should().Be(HttpStatusCode.NotFound);
    }

    // fieldValidation accepts Strict, Warn and Ignore only: https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
    [Theory]
    [InlineData("Strict", HttpStatusCode.Created)]
    [InlineData("Ignore", HttpStatusCode.Created)]
    [InlineData("Sometimes", HttpStatusCode.BadRequest)]
    public async Task Field_validation_values_are_checked(string value, HttpStatusCode expected)
    {
        var ns = await Api.CreateNamespaceAsync();

        var reply = await Api.ApplyAsync($"/apis/apps/v1/namespaces/{ns}/deployments/web?fieldManager=paas&fieldValidation={value}", Deployment);

        reply.Status.Should().Be(expected, reply.Text);
    }

    // Unknown fields: Strict rejects them, Warn (the default) drops them with a warning, Ignore drops them silently: https://kubernetes.io/docs/reference/using-api/api-concepts/#field-validation
    [Theory]
    [InlineData("Strict", HttpStatusCode.BadRequest, false)]
    [InlineData("Warn", HttpStatusCode.Created, true)]
    [InlineData("Ignore", HttpStatusCode.Created, false)]
    public async Task Unknown_fields_follow_field_validation(string validation, HttpStatusCode expected, bool warned)
    {
        await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", JsonNode.Parse("""
            {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"formations.paas.dev"},
             "spec":{"group":"paas.dev","scope":"Namespaced","names":{"kind":"Formation","plural":"formations"},
               "versions":[{"name":"v1alpha1","served":true,"storage":true,
                 "schema":{"openAPIV3Schema":{"type":"object","properties":{"spec":{"type":"object","properties":{"app":{"type":"string"}}}}}}}]}}
            """)!);
        var body = JsonNode.Parse("""{"apiVersion":"paas.dev/v1alpha1","kind":"Formation","metadata":{"name":"f"},"spec":{"app":"a","bogus":1}}""")!;

        var reply = await Api.PostAsync($"/apis/paas.dev/v1alpha1/namespaces/default/formations?fieldValidation={validation}", body);

        reply.Status.Should().Be(expected, reply.Text);
        if (expected == HttpStatusCode.BadRequest)
            reply.Json["message"]!.GetValue<string>().Should().Be("strict decoding error: unknown field \"spec.bogus\"");
        else
            reply.Json["spec"]!["bogus"].Should().BeNull();
        (reply.Headers.TryGetValues("Warning", out var warnings) && warnings.Any(w => w.Contains("unknown field \\\"spec.bogus\\\"", StringComparison.Ordinal)))
            .Should().Be(warned);
    }

    // The applied object's name must match the URL: https://kubernetes.io/docs/reference/using-api/server-side-apply/
    [Fact]
    public async Task Apply_with_mismatched_name_is_BadRequest()
    {
        var ns = await Api.CreateNamespaceAsync();

        var reply = await Api.ApplyAsync($"/apis/apps/v1/namespaces/{ns}/deployments/other?fieldManager=paas", Deployment);

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
    }
}
