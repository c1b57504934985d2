using Paas.Platform.Manifests;

namespace Paas.Platform.Tests.Rendering.Offline;

/// <summary>Every sample renders without errors, and what it renders is reviewed in a golden file (which `make chart` validates against the Kubernetes schemas).</summary>
public sealed class OfflineRenderGoldenTests
{
    public static TheoryData<string> Samples => [.. OfflineRenderSamples.Names];

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Sample_renders_what_its_golden_file_shows(string sample)
    {
        var result = OfflineRenderSamples.Render(sample);

        result.Errors.Should().BeEmpty();
        result.Objects.Should().NotBeEmpty();
        var yaml = ManifestYaml.Write(result.Objects);
        var path = Path.Combine(RepoPaths.TestProject, "Rendering", "Offline", "golden", sample + ".yaml");
        if (RepoPaths.UpdateGolden)
        {
            await File.WriteAllTextAsync(path, yaml);
        }

        File.Exists(path).Should().BeTrue($"{path} must exist; run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and review it");
        (await File.ReadAllTextAsync(path)).Should().Be(yaml, $"what samples/{sample}.yaml renders changed; if that is intended, run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and review the diff");
    }
}
