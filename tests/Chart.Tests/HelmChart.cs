using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Paas.Platform.Manifests;

namespace Paas.Chart.Tests;

/// <summary>Renders charts/paas-operator with the real helm from .tools/bin (<c>make tools</c>) and reads the objects back.</summary>
internal static class HelmChart
{
    public const string Namespace = "paas-system";

    public static string RepositoryRoot { get; } =
        typeof(HelmChart).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string ChartDirectory => Path.Combine(RepositoryRoot, "charts", "paas-operator");

    public static string AllFeaturesValues => Path.Combine(ChartDirectory, "ci", "all-features-values.yaml");

    /// <summary>Every object of <c>helm template</c> with the extra <paramref name="arguments"/> (e.g. <c>-f file</c>).</summary>
    public static async Task<IReadOnlyList<JsonObject>> TemplateAsync(params string[] arguments)
    {
        var helm = Path.Combine(RepositoryRoot, ".tools", "bin", "helm");
        File.Exists(helm).Should().BeTrue($"helm is installed at {helm} by `make tools`");
        var start = new ProcessStartInfo(helm) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in (string[])["template", "paas-operator", ChartDirectory, "--namespace", Namespace, .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.Should().Be(0, $"helm template {string.Join(' ', arguments)} failed: {await errors}");
        return [.. YamlJson.ReadDocuments(await output).OfType<JsonObject>()];
    }

    public static JsonObject Single(this IEnumerable<JsonObject> objects, string kind, string? name = null) =>
        objects.Where(o => (string?)o["kind"] == kind && (name is null || (string?)o["metadata"]?["name"] == name))
            .Should().ContainSingle($"the chart renders one {kind} {name}").Subject;
}
