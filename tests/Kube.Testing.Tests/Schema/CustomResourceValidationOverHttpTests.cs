using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Schema;

public sealed class CustomResourceValidationOverHttpTests : ServerTest
{
    private static JsonObject Crd(string rule) => JsonNode.Parse("""
        {"apiVersion":"apiextensions.k8s.io/v1","kind":"CustomResourceDefinition","metadata":{"name":"formations.paas.dev"},
         "spec":{"group":"paas.dev","scope":"Namespaced","names":{"kind":"Formation","plural":"formations","singular":"formation","listKind":"FormationList"},
          "versions":[{"name":"v1alpha1","served":true,"storage":true,"subresources":{"status":{}},
           "schema":{"openAPIV3Schema":{"type":"object","properties":{
             "spec":{"type":"object","required":["app"],"x-kubernetes-validations":[{"rule":"RULE","message":"too many dynos"}],
              "properties":{"app":{"type":"string","pattern":"^[a-z][a-z0-9-]+$"},
               "processes":{"type":"object","additionalProperties":{"type":"object","properties":{
                 "quantity":{"type":"integer","minimum":0},"size":{"type":"string","default":"basic","enum":["eco","basic"]}}}}}},
             "status":{"type":"object","x-kubernetes-preserve-unknown-fields":true}}}}}]}}
        """.Replace("RULE", rule, StringComparison.Ordinal))!.AsObject();

    [Fact]
    public async Task Custom_resources_are_defaulted_pruned_and_validated_against_the_crd_schema()
    {
        // https://kubernetes.io/docs/tasks/extend-kubernetes/custom-resources/custom-resource-definitions/#validation : writes get defaulting, pruning and validation with all errors in one 422.
        (await Api.PostAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions", Crd("self.processes.all(p, self.processes[p].quantity <= 10)")))
            .Status.Should().Be(HttpStatusCode.Created);
        var ns = await Api.CreateNamespaceAsync();
        var path = $"/apis/paas.dev/v1alpha1/namespaces/{ns}/formations";

        var created = await Api.PostAsync(path, JsonNode.Parse("""
            {"apiVersion":"paas.dev/v1alpha1","kind":"Formation","metadata":{"name":"ok"},"spec":{"app":"shop","processes":{"web":{"quantity":2}},"junk":1}}
            """)!);
        var invalid = await Api.PostAsync(path, JsonNode.Parse("""
            {"apiVersion":"paas.dev/v1alpha1","kind":"Formation","metadata":{"name":"bad"},"spec":{"app":"Shop","processes":{"web":{"quantity":-1,"size":"huge"},"worker":{"quantity":11}}}}
            """)!);

        created.Status.Should().Be(HttpStatusCode.Created, created.Text);
        created.Json["spec"]!.ToJsonString().Should().Be("""{"app":"shop","processes":{"web":{"quantity":2,"size":"basic"}}}""");
        invalid.Status.Should().Be((HttpStatusCode)422, invalid.Text);
        invalid.Json["details"]!["causes"]!.AsArray().Select(c => (string?)c!["field"]).Should().BeEquivalentTo(
            "spec.app", "spec.processes[web].quantity", "spec.processes[web].size", "spec");
    }
}
