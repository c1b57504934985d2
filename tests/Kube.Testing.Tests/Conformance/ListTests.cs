using System.Net;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class ListTests : ServerTest
{
    // Label selectors support =, ==, !=, in, notin, key and !key: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
    [Theory]
    [InlineData("tier=web", "a")]
    [InlineData("tier==web", "a")]
    [InlineData("tier!=web", "b,c")]
    [InlineData("tier in (web,worker)", "a,b")]
    [InlineData("tier notin (web)", "b,c")]
    [InlineData("canary", "b")]
    [InlineData("!canary", "a,c")]
    [InlineData("tier=worker,canary", "b")]
    public async Task Label_selector_filters_lists(string selector, string expected)
    {
        var ns = await SeedAsync();

        var reply = await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps?labelSelector={Uri.EscapeDataString(selector)}");

        reply.Status.Should().Be(HttpStatusCode.OK, reply.Text);
        Names(reply).Should().Equal(expected.Split(','));
    }

    // Field selectors on metadata.name and metadata.namespace: https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/
    [Fact]
    public async Task Field_selector_filters_by_name_and_namespace()
    {
        var ns = await SeedAsync();

        var byName = await Api.GetAsync($"/api/v1/configmaps?fieldSelector=metadata.name%3Db,metadata.namespace%3D{ns}");
        var notName = await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps?fieldSelector=metadata.name!%3Db");

        Names(byName).Should().Equal("b");
        Names(notName).Should().Equal("a", "c");
    }

    // A malformed selector is a 400 BadRequest: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
    [Theory]
    [InlineData("labelSelector", "tier in (web")]
    [InlineData("labelSelector", "=web")]
    [InlineData("fieldSelector", "metadata.name")]
    public async Task Malformed_selector_is_BadRequest(string parameter, string selector)
    {
        var reply = await Api.GetAsync($"/api/v1/namespaces/default/configmaps?{parameter}={Uri.EscapeDataString(selector)}");

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
        reply.Json["reason"]!.GetValue<string>().Should().Be("BadRequest");
        reply.Json["message"]!.GetValue<string>().Should().Contain(parameter).And.Contain(selector);
    }

    // limit and continue page through a list; remainingItemCount counts what is left: https://kubernetes.io/docs/reference/using-api/api-concepts/#retrieving-large-results-sets-in-chunks
    [Fact]
    public async Task Limit_and_continue_page_through_all_items()
    {
        var ns = await Api.CreateNamespaceAsync();
        for (var i = 0; i < 7; i++)
            await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap($"item-{i}"));

        var seen = new List<string>();
        var first = await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps?limit=3");
        first.Json["metadata"]!["remainingItemCount"]!.GetValue<int>().Should().Be(4);
        seen.AddRange(Names(first));
        var token = first.Json["metadata"]!["continue"]!.GetValue<string>();
        while (!string.IsNullOrEmpty(token))
        {
            var page = await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps?limit=3&continue={Uri.EscapeDataString(token)}");
            page.Status.Should().Be(HttpStatusCode.OK);
            Names(page).Count.Should().BeLessThanOrEqualTo(3);
            seen.AddRange(Names(page));
            token = page.Json["metadata"]!["continue"]?.GetValue<string>() ?? "";
        }

        seen.Should().Equal(Enumerable.Range(0, 7).Select(i => $"item-{i}"));
    }

    // A list carries the resourceVersion to start a watch from: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public async Task List_has_kind_and_resource_version()
    {
        var ns = await SeedAsync();

        var reply = await Api.GetAsync($"/apis/apps/v1/namespaces/{ns}/deployments");

        reply.Json["kind"]!.GetValue<string>().Should().Be("DeploymentList");
        reply.Json["apiVersion"]!.GetValue<string>().Should().Be("apps/v1");
        reply.Json["metadata"]!["resourceVersion"]!.GetValue<string>().Should().NotBeNullOrEmpty();
    }

    // Lists across all namespaces use the path without a namespace: https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-uris
    [Fact]
    public async Task List_across_namespaces_includes_every_namespace()
    {
        var one = await SeedAsync();
        var two = await SeedAsync();

        var reply = await Api.GetAsync("/api/v1/configmaps?labelSelector=canary");

        reply.Json["items"]!.AsArray().Select(i => i!["metadata"]!["namespace"]!.GetValue<string>()).Should().Contain([one, two]);
    }

    private async Task<string> SeedAsync()
    {
        var ns = await Api.CreateNamespaceAsync();
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("a", new() { ["tier"] = "web" }));
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("b", new() { ["tier"] = "worker", ["canary"] = "true" }));
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("c"));
        return ns;
    }

    private static List<string> Names(Reply reply) =>
        [.. reply.Json["items"]!.AsArray().Select(i => i!["metadata"]!["name"]!.GetValue<string>())];
}
