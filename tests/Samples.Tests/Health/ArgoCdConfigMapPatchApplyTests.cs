using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Samples.Tests.Support;

namespace Paas.Samples.Tests.Health;

/// <summary>The documented command, <c>kubectl -n argocd patch configmap argocd-cm --patch-file ...</c>, adds the checks and keeps Argo CD's own keys.</summary>
public sealed class ArgoCdConfigMapPatchApplyTests(SampleCluster cluster) : IClassFixture<SampleCluster>
{
    private static readonly ResourceType ConfigMaps = new("", "v1", "ConfigMap", "configmaps", Namespaced: true);

    [Fact]
    public async Task Kubectl_patch_adds_the_four_health_checks_to_an_existing_argocd_cm()
    {
        var @namespace = await cluster.NewNamespaceAsync("argocd");
        await cluster.Client.Dynamic.CreateAsync(ConfigMaps, new JsonObject
        {
            ["metadata"] = new JsonObject { ["name"] = "argocd-cm", ["namespace"] = @namespace },
            ["data"] = new JsonObject { ["url"] = "https://argocd.example.com" },
        });

        var patched = await cluster.Kubectl.RunAsync("-n", @namespace, "patch", "configmap", "argocd-cm", "--patch-file", ArgoCdConfigMapPatch.PatchPath);

        patched.ExitCode.Should().Be(0, patched.ToString());
        var data = (await cluster.Client.Dynamic.GetAsync(ConfigMaps, "argocd-cm", @namespace))["data"]!.AsObject();
        ((string?)data["url"]).Should().Be("https://argocd.example.com", "a strategic merge patch keeps the keys it does not name");
        foreach (var kind in HealthScripts.Kinds)
        {
            ((string?)data[$"resource.customizations.health.paas.dev_{kind}"]).Should().Be(await File.ReadAllTextAsync(HealthScripts.ScriptOf(kind)));
        }
    }
}
