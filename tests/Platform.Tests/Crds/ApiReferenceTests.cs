using Paas.Platform.Crds;

namespace Paas.Platform.Tests.Crds;

public sealed class ApiReferenceTests
{
    private static string DocPath => Path.Combine(RepoPaths.Root, "docs", ApiReference.FileName);

    [Fact]
    public async Task Checked_in_api_reference_matches_the_types()
    {
        var rendered = ApiReference.Render();
        if (RepoPaths.UpdateGolden)
        {
            await File.WriteAllTextAsync(DocPath, rendered);
        }

        File.Exists(DocPath).Should().BeTrue("docs/api-reference.md is generated; run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests");
        (await File.ReadAllTextAsync(DocPath)).Should().Be(rendered, "docs/api-reference.md is out of date with operator/Platform/Api; run PAAS_UPDATE_GOLDEN=1 dotnet test tests/Platform.Tests and commit it");
    }

    [Fact]
    public void Reference_lists_every_kind_field_and_dyno_size()
    {
        var rendered = ApiReference.Render();

        rendered.Should().Contain("## App").And.Contain("## Build").And.Contain("## Release").And.Contain("## Formation");
        rendered.Should().Contain("| `spec.source.git.url` |").And.Contain("| `spec.processes.<key>.autoscale.min` |");
        rendered.Should().Contain("| `performance-l` | 14Gi |");
    }
}
