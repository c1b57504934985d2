using Paas.Platform.Builds;
using Paas.Platform.Manifests;

namespace Paas.Platform.Tests.Builds;

public sealed class BuildJobGoldenTests
{
    public static TheoryData<string> Cases => [.. BuildSamples.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Kaniko_job_matches_the_golden_file(string caseName)
    {
        var yaml = ManifestYaml.Write([new KanikoStrategy(PlatformSettings.Default).Render(BuildSamples.Cases[caseName])]);
        var path = Path.Combine(RepoPaths.TestProject, "Builds", "golden", caseName + ".yaml");
        if (RepoPaths.UpdateGolden)
        {
            await File.WriteAllTextAsync(path, yaml);
        }

        File.Exists(path).Should().BeTrue($"{path} must exist; run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and review it");
        (await File.ReadAllTextAsync(path)).Should().Be(yaml, $"the build Job changed; if that is intended, run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and review the diff of {caseName}.yaml");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendering_twice_gives_identical_yaml(string caseName)
    {
        var strategy = new KanikoStrategy(PlatformSettings.Default);
        var input = BuildSamples.Cases[caseName];

        ManifestYaml.Write([strategy.Render(input)]).Should().Be(ManifestYaml.Write([strategy.Render(input)]));
    }
}
