using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Admission;

/// <summary>Matches a webhook's <c>rules</c> (operations, apiGroups, apiVersions, resources with subresources, scope) against a request.</summary>
internal static class WebhookRules
{
    public static bool Match(JsonObject webhook, ResourceContext resource, string operation) =>
        (webhook["rules"] as JsonArray ?? []).OfType<JsonObject>().Any(rule => MatchRule(rule, resource, operation));

    private static bool MatchRule(JsonObject rule, ResourceContext resource, string operation) =>
        AnyOf(rule, "operations", value => value == "*" || value == operation)
        && AnyOf(rule, "apiGroups", value => value == "*" || value == resource.Group)
        && AnyOf(rule, "apiVersions", value => value == "*" || value == resource.Version)
        && AnyOf(rule, "resources", value => MatchResource(value, resource))
        && MatchScope((string?)rule["scope"] ?? "*", resource.Namespaced);

    // "pods" matches only the main resource, "pods/status" one subresource, "pods/*" all of them, "*" every main resource, "*/*" everything.
    private static bool MatchResource(string pattern, ResourceContext resource)
    {
        var slash = pattern.IndexOf('/', StringComparison.Ordinal);
        var name = slash < 0 ? pattern : pattern[..slash];
        var sub = slash < 0 ? null : pattern[(slash + 1)..];
        if (name != "*" && name != resource.Plural)
        {
            return false;
        }
        return sub switch
        {
            null => resource.Subresource is null,
            "*" => true,
            _ => sub == resource.Subresource,
        };
    }

    private static bool MatchScope(string scope, bool namespaced) => scope switch
    {
        "Namespaced" => namespaced,
        "Cluster" => !namespaced,
        _ => true,
    };

    private static bool AnyOf(JsonObject rule, string field, Func<string, bool> match) =>
        (rule[field] as JsonArray ?? []).Any(value => value is not null && match((string)value!));
}
