using System.Text.Json;

namespace Paas.Buildpacks.Tests.Support;

/// <summary>The runner's JSON answer (plan's stdout, a slug's .paas/build.json): buildpacks and process types in order.</summary>
internal sealed record Plan(IReadOnlyList<string> Buildpacks, IReadOnlyList<KeyValuePair<string, string>> ProcessTypes)
{
    /// <summary>The process types as Procfile lines, in order.</summary>
    public IReadOnlyList<string> Entries => [.. ProcessTypes.Select(entry => $"{entry.Key}: {entry.Value}")];

    public static Plan Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var buildpacks = root.GetProperty("buildpacks").EnumerateArray().Select(element => element.GetString()!).ToList();
        var processTypes = root.GetProperty("processTypes").EnumerateObject()
            .Select(property => KeyValuePair.Create(property.Name, property.Value.GetString()!)).ToList();
        return new Plan(buildpacks, processTypes);
    }
}
