using Paas.Platform.Crds;

namespace Paas.Platform.Tests.Crds;

public sealed class CrdFilesTests
{
    [Fact]
    public async Task Checked_in_crds_match_the_types()
    {
        var generated = CrdGenerator.Generate();
        if (RepoPaths.UpdateGolden)
        {
            await CrdGenerator.WriteTo(RepoPaths.Crds);
        }

        foreach (var file in generated)
        {
            var path = Path.Combine(RepoPaths.Crds, file.FileName);
            File.Exists(path).Should().BeTrue($"crds/{file.FileName} must exist; run `make crds` (or PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests) and commit crds/");
            var onDisk = await File.ReadAllTextAsync(path);
            onDisk.Should().Be(file.Content, $"crds/{file.FileName} is out of date with the C# types in operator/Platform/Api; run `make crds` (or PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests) and commit crds/");
        }

        var expected = generated.Select(f => f.FileName).Order().ToList();
        var present = Directory.GetFiles(RepoPaths.Crds, "paas.dev_*.yaml").Select(Path.GetFileName).Order().ToList();
        present.Should().Equal(expected, "crds/ holds a paas.dev CRD no type generates any more; delete it or run `make crds`");
    }
}
