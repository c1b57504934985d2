using System.Text;

namespace Paas.Samples.Tests.Health;

/// <summary>
/// The argocd-cm patch that installs the paas.dev health checks, generated from the health.lua files so the two can
/// never disagree: one <c>resource.customizations.health.paas.dev_&lt;Kind&gt;</c> key per kind, the script as its value.
/// </summary>
internal static class ArgoCdConfigMapPatch
{
    public static string PatchPath { get; } = Path.Combine(HealthScripts.Folder, "..", "..", "argocd-cm-patch.yaml");

    public static string Generate()
    {
        var text = new StringBuilder();
        text.Append("# Argo CD health checks for the paas.dev kinds, generated from resource_customizations/paas.dev/<Kind>/health.lua.\n");
        text.Append("# Do not edit: change health.lua, then run PAAS_UPDATE_SAMPLES=1 dotnet test tests/Samples.Tests to regenerate.\n");
        text.Append("# Apply: kubectl -n argocd patch configmap argocd-cm --patch-file argocd-cm-patch.yaml (or use it as a kustomize patch).\n");
        // No namespace: the patch then fits an Argo CD installed in any namespace (-n names it).
        text.Append("apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: argocd-cm\ndata:\n");
        foreach (var kind in HealthScripts.Kinds)
        {
            text.Append("  resource.customizations.health.paas.dev_").Append(kind).Append(": |\n");
            foreach (var line in File.ReadAllText(HealthScripts.ScriptOf(kind)).TrimEnd('\n').Split('\n'))
            {
                text.Append(line.Length == 0 ? string.Empty : "    " + line).Append('\n');
            }
        }

        return text.ToString();
    }
}
