using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Paas.Chart.Tests;

/// <summary>The chart's user roles let a developer bound to Kubernetes' "edit" role use every paas command.</summary>
public sealed partial class UserRolesTests
{
    [Fact]
    public async Task The_edit_aggregate_grants_every_paas_dev_permission_the_cli_documents_and_view_only_reads()
    {
        var objects = await HelmChart.TemplateAsync();
        var edit = objects.Single("ClusterRole", "paas-operator-edit");
        var view = objects.Single("ClusterRole", "paas-operator-view");
        var documented = CliPermissions().Where(p => p.Group == "paas.dev").ToList();

        documented.Should().NotBeEmpty("docs/cli.md lists what paas asks for, and most of it is paas.dev");
        Labels(edit).Should().Contain("rbac.authorization.k8s.io/aggregate-to-edit", "true").And.Contain("rbac.authorization.k8s.io/aggregate-to-admin", "true");
        Labels(view).Should().Contain("rbac.authorization.k8s.io/aggregate-to-view", "true");
        documented.Where(p => !Grants(edit, p)).Should().BeEmpty("a RoleBinding of edit must be enough for every paas command");
        Rules(view).SelectMany(r => r.Verbs).Distinct().Should().BeEquivalentTo(["get", "list", "watch"]);
    }

    [Fact]
    public async Task The_user_roles_can_be_left_out()
    {
        var objects = await HelmChart.TemplateAsync("--set", "userRoles.aggregate=false");

        objects.Where(o => (string?)o["kind"] == "ClusterRole").Select(o => (string?)o["metadata"]!["name"]).Should().Equal("paas-operator");
    }

    /// <summary>The rows of the permissions table in docs/cli.md, e.g. <c>| `apps.paas.dev` | get, list |</c>.</summary>
    private static IEnumerable<Permission> CliPermissions()
    {
        foreach (Match row in TableRow().Matches(File.ReadAllText(Path.Combine(HelmChart.RepositoryRoot, "docs", "cli.md"))))
        {
            var resource = row.Groups["resource"].Value;
            var dot = resource.IndexOf('.', StringComparison.Ordinal);
            var (group, plural) = dot < 0 ? ("", resource) : (resource[(dot + 1)..], resource[..dot]);
            foreach (var verb in row.Groups["verbs"].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                yield return new Permission(group, plural, verb);
            }
        }
    }

    private static bool Grants(JsonObject role, Permission permission) => Rules(role).Any(rule => rule.Allows(permission, "team-a", null));

    private static IEnumerable<RbacRule> Rules(JsonObject role) =>
        role["rules"]!.AsArray().Select(rule => new RbacRule(
            null, Strings(rule!["apiGroups"]), Strings(rule["resources"]), Strings(rule["verbs"]), Strings(rule["resourceNames"])));

    private static Dictionary<string, string> Labels(JsonObject obj) =>
        obj["metadata"]!["labels"]!.AsObject().ToDictionary(p => p.Key, p => (string)p.Value!, StringComparer.Ordinal);

    private static string[] Strings(JsonNode? node) => node is JsonArray array ? [.. array.Select(n => n!.GetValue<string>())] : [];

    [GeneratedRegex(@"^\| `(?<resource>[a-z/.]+)` \| (?<verbs>[a-z, ]+) \|$", RegexOptions.Multiline)]
    private static partial Regex TableRow();
}
