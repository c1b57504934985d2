using Kube.Client;

namespace Paas.Samples.Tests.Health;

/// <summary>samples/gitops/argocd/argocd-cm-patch.yaml carries exactly the health.lua scripts, under Argo CD's keys.</summary>
public sealed class ArgoCdConfigMapPatchTests
{
    [Fact]
    public void The_argocd_cm_patch_is_generated_from_the_current_health_scripts()
    {
        var expected = ArgoCdConfigMapPatch.Generate();
        if (Environment.GetEnvironmentVariable("PAAS_UPDATE_SAMPLES") == "1")
        {
            File.WriteAllText(ArgoCdConfigMapPatch.PatchPath, expected);
        }

        File.ReadAllText(ArgoCdConfigMapPatch.PatchPath).Should().Be(
            expected, "the patch is stale; run PAAS_UPDATE_SAMPLES=1 dotnet test tests/Samples.Tests to regenerate it from health.lua");
    }

    [Fact]
    public void The_patch_holds_each_script_verbatim_under_the_key_argo_cd_looks_up()
    {
        var patch = ManifestYaml.Parse(File.ReadAllText(ArgoCdConfigMapPatch.PatchPath), "argocd-cm-patch.yaml").Single();

        ((string?)patch["metadata"]!["name"]).Should().Be("argocd-cm");
        var data = patch["data"]!.AsObject();
        data.Select(entry => entry.Key).Should().BeEquivalentTo(HealthScripts.Kinds.Select(kind => $"resource.customizations.health.paas.dev_{kind}"));
        foreach (var kind in HealthScripts.Kinds)
        {
            ((string?)data[$"resource.customizations.health.paas.dev_{kind}"]).Should().Be(File.ReadAllText(HealthScripts.ScriptOf(kind)));
        }
    }
}
