using Paas.Platform.Builds;
using Paas.Platform.Tests.Rendering;

namespace Paas.Platform.Tests.Builds;

public sealed class BuildJobValidityTests
{
    public static TheoryData<string> Cases => [.. BuildSamples.CaseNames];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_job_passes_kubernetes_validation_but_for_the_root_builder(string caseName)
    {
        var job = new KanikoStrategy(PlatformSettings.Default).Render(BuildSamples.Cases[caseName]);

        KubernetesObjectRules.Violations(job).Should().Equal(
            [$"Job/{job.Metadata.Name}: restricted: runAsNonRoot"],
            "Kaniko must run as root (see KanikoStrategy); everything else a restricted pod needs is kept");
    }

    [Fact]
    public void Build_job_with_the_longest_names_is_still_valid()
    {
        var input = BuildSamples.Cases["git-detect"];
        var longBuild = input.Build with { Metadata = input.Build.Metadata with { Name = "shop." + new string('x', 240) } };
        var job = new KanikoStrategy(PlatformSettings.Default).Render(input with { Build = longBuild });

        KubernetesObjectRules.Violations(job).Should().ContainSingle().Which.Should().EndWith("restricted: runAsNonRoot");
    }
}
