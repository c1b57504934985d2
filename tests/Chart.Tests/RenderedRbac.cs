using System.Text.Json.Nodes;

namespace Paas.Chart.Tests;

/// <summary>One verb on one resource (with its subresource, e.g. <c>apps/status</c>) of one API group.</summary>
internal sealed record Permission(string Group, string Resource, string Verb)
{
    public override string ToString() => $"{Verb} {(Group.Length == 0 ? "" : Group + "/")}{Resource}";
}

/// <summary>A PolicyRule of the rendered ClusterRole or Role; <see cref="Namespace"/> is null for the ClusterRole.</summary>
internal sealed record RbacRule(string? Namespace, string[] Groups, string[] Resources, string[] Verbs, string[] ResourceNames)
{
    public IEnumerable<Permission> Permissions =>
        from g in Groups from r in Resources from v in Verbs select new Permission(g, r, v);

    public bool Allows(Permission permission, string? @namespace, string? name) =>
        (Namespace is null || Namespace == @namespace)
        && Matches(Groups, permission.Group) && Matches(Resources, permission.Resource) && Matches(Verbs, permission.Verb)
        && (ResourceNames.Length == 0 || (name is not null && ResourceNames.Contains(name)));

    private static bool Matches(string[] allowed, string value) => allowed.Contains("*") || allowed.Contains(value);
}

/// <summary>The rules the chart grants the operator's ServiceAccount: its ClusterRole, and its Role in the release namespace.</summary>
internal sealed class RenderedRbac(IReadOnlyList<RbacRule> rules)
{
    public IReadOnlyList<RbacRule> Rules { get; } = rules;

    public static RenderedRbac From(IReadOnlyList<JsonObject> objects)
    {
        var clusterRole = objects.Single("ClusterRole", "paas-operator");
        var role = objects.Single("Role", "paas-operator");
        return new RenderedRbac([.. Read(clusterRole, null), .. Read(role, (string)role["metadata"]!["namespace"]!)]);
    }

    public bool Allows(Permission permission, string? @namespace, string? name) => Rules.Any(r => r.Allows(permission, @namespace, name));

    private static IEnumerable<RbacRule> Read(JsonObject role, string? @namespace) =>
        role["rules"]!.AsArray().Select(rule => new RbacRule(
            @namespace, Strings(rule!["apiGroups"]), Strings(rule["resources"]), Strings(rule["verbs"]), Strings(rule["resourceNames"])));

    private static string[] Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];
}
