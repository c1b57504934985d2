using System.Text.Json.Nodes;
using Kube.Testing.Admission;
using Kube.Testing.Server;

namespace Kube.Testing.Tests.Admission;

public class WebhookMatchingTests
{
    private static readonly ResourceContext Deployments = new("apps", "v1", "Deployment", "deployments", true, null);

    [Theory]
    [InlineData("""["CREATE"]""", """["apps"]""", """["v1"]""", """["deployments"]""", "*", true)]
    [InlineData("""["*"]""", """["*"]""", """["*"]""", """["*"]""", "*", true)]
    [InlineData("""["UPDATE"]""", """["apps"]""", """["v1"]""", """["deployments"]""", "*", false)]
    [InlineData("""["CREATE"]""", """[""]""", """["v1"]""", """["deployments"]""", "*", false)]
    [InlineData("""["CREATE"]""", """["apps"]""", """["v1beta1"]""", """["deployments"]""", "*", false)]
    [InlineData("""["CREATE"]""", """["apps"]""", """["v1"]""", """["deployments/status"]""", "*", false)]
    [InlineData("""["CREATE"]""", """["apps"]""", """["v1"]""", """["deployments"]""", "Cluster", false)]
    [InlineData("""["CREATE"]""", """["apps"]""", """["v1"]""", """["deployments"]""", "Namespaced", true)]
    public void Rules_match_operation_group_version_resource_and_scope(string operations, string groups, string versions, string resources, string scope, bool expected)
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-rules : every rule field must match, "*" matches all.
        var webhook = WebhookWithRule(operations, groups, versions, resources, scope);

        WebhookRules.Match(webhook, Deployments, "CREATE").Should().Be(expected);
    }

    [Theory]
    [InlineData("deployments", null, true)]
    [InlineData("deployments", "status", false)]
    [InlineData("deployments/status", "status", true)]
    [InlineData("deployments/*", "status", true)]
    [InlineData("deployments/*", null, true)]
    [InlineData("*/status", "status", true)]
    [InlineData("*", "status", false)]
    [InlineData("*/*", "scale", true)]
    public void Resources_name_subresources_explicitly(string resource, string? subresource, bool expected)
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#matching-requests-rules : "pods/status" matches one subresource, "x/*" and "*/*" match with any subresource (the API server matches "*" against the empty one too), "*" no subresource.
        var webhook = WebhookWithRule("""["*"]""", """["*"]""", """["*"]""", $"""["{resource}"]""", "*");

        WebhookRules.Match(webhook, Deployments with { Subresource = subresource }, "UPDATE").Should().Be(expected);
    }

    [Theory]
    [InlineData("""{"matchLabels":{"env":"prod"}}""", true)]
    [InlineData("""{"matchLabels":{"env":"dev"}}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"In","values":["dev","prod"]}]}""", true)]
    [InlineData("""{"matchExpressions":[{"key":"env","operator":"NotIn","values":["prod"]}]}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"team","operator":"Exists"}]}""", false)]
    [InlineData("""{"matchExpressions":[{"key":"team","operator":"DoesNotExist"}]}""", true)]
    [InlineData("""{}""", true)]
    public void Label_selectors_match_labels_and_expressions(string selector, bool expected)
    {
        // https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors : matchLabels and matchExpressions are ANDed; an empty selector matches everything.
        var labels = new Dictionary<string, string> { ["env"] = "prod", ["tier"] = "web" };

        LabelSelector.Matches(JsonNode.Parse(selector)!.AsObject(), labels).Should().Be(expected);
    }

    private static JsonObject WebhookWithRule(string operations, string groups, string versions, string resources, string scope) =>
        JsonNode.Parse($$"""
            {"name":"w","rules":[{"operations":{{operations}},"apiGroups":{{groups}},"apiVersions":{{versions}},"resources":{{resources}},"scope":"{{scope}}"}]}
            """)!.AsObject();
}
