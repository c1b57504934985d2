using Paas.Platform.Manifests;

namespace Paas.Platform.Tests.Rendering;

public sealed class GoldenFileTests
{
    public static TheoryData<string> Cases => [.. Samples.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Rendered_objects_match_the_golden_file(string caseName)
    {
        var yaml = ManifestYaml.Write(Samples.RenderAll(Samples.Cases[caseName]));
        var path = Path.Combine(RepoPaths.TestProject, "Rendering", "golden", caseName + ".yaml");
        if (RepoPaths.UpdateGolden)
        {
            await File.WriteAllTextAsync(path, yaml);
        }

        File.Exists(path).Should().BeTrue($"{path} must exist; run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and review it");
        (await File.ReadAllTextAsync(path)).Should().Be(yaml, $"the renderers' output changed; if that is intended, run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and review the diff of {caseName}.yaml");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Rendering_twice_gives_identical_yaml(string caseName)
    {
        var input = Samples.Cases[caseName];

        ManifestYaml.Write(Samples.RenderAll(input)).Should().Be(ManifestYaml.Write(Samples.RenderAll(input)));
    }
}
