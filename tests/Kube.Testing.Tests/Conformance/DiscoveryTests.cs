using System.Net;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class DiscoveryTests : ServerTest
{
    // kubectl 1.32 asks for aggregated discovery first; a server may answer with the legacy documents: https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
    private const string AggregatedAccept =
        "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList,application/json";

    // /version reports the server version: https://kubernetes.io/docs/concepts/overview/kubernetes-api/#api-groups-and-versioning
    [Fact]
    public async Task Version_reports_major_and_minor()
    {
        var reply = await Api.GetAsync("/version");

        reply.Json["major"]!.GetValue<string>().Should().Be("1");
        reply.Json["gitVersion"]!.GetValue<string>().Should().StartWith("v1.");
    }

    // /api lists the core versions as APIVersions: https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
    [Fact]
    public async Task Api_lists_core_versions()
    {
        var reply = await Api.GetAsync("/api", AggregatedAccept);

        reply.ContentType.Should().Be("application/json");
        reply.Json["kind"]!.GetValue<string>().Should().Be("APIVersions");
        reply.Json["versions"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Equal("v1");
    }

    // /apis lists every group with its preferred version: https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
    [Fact]
    public async Task Apis_lists_groups()
    {
        var reply = await Api.GetAsync("/apis", AggregatedAccept);

        reply.ContentType.Should().Be("application/json");
        reply.Json["kind"]!.GetValue<string>().Should().Be("APIGroupList");
        var groups = reply.Json["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ToList();
        groups.Should().Contain(["apps", "batch", "networking.k8s.io", "autoscaling", "policy", "coordination.k8s.io",
            "events.k8s.io", "apiextensions.k8s.io", "admissionregistration.k8s.io"]);
        var apps = (await Api.GetAsync("/apis/apps")).Json;
        apps["kind"]!.GetValue<string>().Should().Be("APIGroup");
        apps["preferredVersion"]!["groupVersion"]!.GetValue<string>().Should().Be("apps/v1");
    }

    // An APIResourceList names each resource with kind, verbs, short names and its status subresource: https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
    [Fact]
    public async Task Resource_list_describes_resources_and_subresources()
    {
        var reply = await Api.GetAsync("/apis/apps/v1");

        reply.Json["kind"]!.GetValue<string>().Should().Be("APIResourceList");
        reply.Json["groupVersion"]!.GetValue<string>().Should().Be("apps/v1");
        var resources = reply.Json["resources"]!.AsArray();
        var deployments = resources.Single(r => r!["name"]!.GetValue<string>() == "deployments")!;
        deployments["singularName"]!.GetValue<string>().Should().Be("deployment");
        deployments["namespaced"]!.GetValue<bool>().Should().BeTrue();
        deployments["kind"]!.GetValue<string>().Should().Be("Deployment");
        deployments["shortNames"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("deploy");
        deployments["verbs"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Contain(["create", "get", "list", "watch", "patch", "update", "delete"]);
        resources.Select(r => r!["name"]!.GetValue<string>()).Should().Contain("deployments/status");
    }

    // Short names kubectl knows for the built-ins: https://kubernetes.io/docs/reference/kubectl/#resource-types
    [Theory]
    [InlineData("/api/v1", "services", "svc")]
    [InlineData("/api/v1", "configmaps", "cm")]
    [InlineData("/api/v1", "namespaces", "ns")]
    [InlineData("/apis/networking.k8s.io/v1", "ingresses", "ing")]
    [InlineData("/apis/autoscaling/v2", "horizontalpodautoscalers", "hpa")]
    [InlineData("/apis/policy/v1", "poddisruptionbudgets", "pdb")]
    [InlineData("/apis/apiextensions.k8s.io/v1", "customresourcedefinitions", "crd")]
    public async Task Built_ins_have_their_short_names(string groupVersion, string plural, string shortName)
    {
        var resources = (await Api.GetAsync(groupVersion)).Json["resources"]!.AsArray();

        resources.Single(r => r!["name"]!.GetValue<string>() == plural)!["shortNames"]!.AsArray()
            .Select(s => s!.GetValue<string>()).Should().Contain(shortName);
    }

    // Unknown paths are 404: https://kubernetes.io/docs/concepts/overview/kubernetes-api/#discovery-api
    [Fact]
    public async Task Unknown_group_is_NotFound()
    {
        (await Api.GetAsync("/apis/nothing.example/v1")).Status.Should().Be(HttpStatusCode.NotFound);
        (await Api.GetAsync("/apis/nothing.example/v1/namespaces/default/things")).Status.Should().Be(HttpStatusCode.NotFound);
    }
}
