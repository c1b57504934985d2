using System.Text.Json.Nodes;
using Kube.Client;
using Paas.Samples.Tests.Support;

namespace Paas.Samples.Tests.Health;

/// <summary>
/// The Argo CD health checks in samples/gitops/argocd/resource_customizations/paas.dev, laid out as Argo CD's own
/// resource_customizations/&lt;group&gt;/&lt;kind&gt;/ (health.lua, health_test.yaml, testdata/).
/// </summary>
internal static class HealthScripts
{
    public static readonly string[] Kinds = ["App", "Build", "Release", "Formation"];

    public static string Folder { get; } = Path.Combine(Repository.Samples, "gitops", "argocd", "resource_customizations", "paas.dev");

    public static string ScriptOf(string kind) => Path.Combine(Folder, kind, "health.lua");

    public static string InputOf(HealthCase row) => Path.Combine(Folder, row.Kind, row.InputPath);

    /// <summary>Every row of every kind's health_test.yaml.</summary>
    public static IReadOnlyList<HealthCase> Cases() =>
    [
        .. Kinds.SelectMany(kind =>
        {
            var tests = ManifestYaml.Parse(File.ReadAllText(Path.Combine(Folder, kind, "health_test.yaml")), $"{kind}/health_test.yaml").Single();
            return tests["tests"]!.AsArray().Select(test => new HealthCase(
                kind,
                (string)test!["inputPath"]!,
                (string)test["healthStatus"]!["status"]!,
                (string)test["healthStatus"]!["message"]!));
        }),
    ];

    /// <summary>For [MemberData].</summary>
    public static TheoryData<string, string> All()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in Cases())
        {
            data.Add(row.Kind, row.InputPath);
        }

        return data;
    }

    public static JsonObject ReadInput(HealthCase row) => ManifestYaml.Parse(File.ReadAllText(InputOf(row)), row.InputPath).Single();
}
