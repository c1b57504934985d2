using System.Text.Json;

namespace Paas.Platform.Builds;

/// <summary>What <c>buildpacks/bin/plan</c> decided: the buildpacks in order and the process types the slug will declare.</summary>
public sealed record BuildPlan(IReadOnlyList<string> Buildpacks, IReadOnlyDictionary<string, string> ProcessTypes)
{
    /// <summary>The plan from its JSON, <c>{"buildpacks":[...],"processTypes":{...}}</c>; null when the text is not such JSON.</summary>
    public static BuildPlan? Parse(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            var buildpacks = root.TryGetProperty("buildpacks", out var list) && list.ValueKind == JsonValueKind.Array
                ? list.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList()
                : [];
            var processTypes = new SortedDictionary<string, string>(StringComparer.Ordinal);
            if (root.TryGetProperty("processTypes", out var map) && map.ValueKind == JsonValueKind.Object)
            {
                foreach (var entry in map.EnumerateObject().Where(entry => entry.Value.ValueKind == JsonValueKind.String))
                {
                    processTypes[entry.Name] = entry.Value.GetString()!;
                }
            }

            return new BuildPlan(buildpacks, processTypes);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
