using System.Globalization;
using Paas.Platform.Api;

namespace Paas.Platform.Rendering;

/// <summary>
/// The labels on rendered objects, and the stable subset that selects a process type's pods; the <c>paas.dev/</c> keys
/// live in <see cref="PaasLabels"/>, the <c>app.kubernetes.io/</c> ones here.
/// </summary>
public static class WorkloadLabels
{
    public const string Name = "app.kubernetes.io/name";
    public const string Component = "app.kubernetes.io/component";
    public const string ManagedBy = "app.kubernetes.io/managed-by";
    public const string ManagedByValue = "paas-operator";

    /// <summary>The <c>paas.dev/release</c> value of a version: <c>v3</c>, as Heroku shows releases.</summary>
    public static string ReleaseValue(int version) => "v" + version.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// App and process type only. A Deployment's selector is immutable and a Service's must match old and new pods
    /// during a rollout, so the release never takes part.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Selector(string app, string kubernetesProcessType) =>
        Maps.Sorted((PaasLabels.App, app), (PaasLabels.ProcessType, kubernetesProcessType));

    /// <summary>Labels of objects that outlive a release (Service, Ingress, HPA, PDB): no release label, so a release does not rewrite them.</summary>
    public static IReadOnlyDictionary<string, string> Stable(string app, string kubernetesProcessType) =>
        Maps.Sorted(
            (PaasLabels.App, app),
            (PaasLabels.ProcessType, kubernetesProcessType),
            (Name, app),
            (Component, kubernetesProcessType),
            (ManagedBy, ManagedByValue));

    /// <summary>Labels of objects that belong to one release: Deployments, their pods and the release-phase Job.</summary>
    public static IReadOnlyDictionary<string, string> ForRelease(string app, string kubernetesProcessType, int version) =>
        Maps.Sorted(
            (PaasLabels.App, app),
            (PaasLabels.ProcessType, kubernetesProcessType),
            (PaasLabels.Release, ReleaseValue(version)),
            (Name, app),
            (Component, kubernetesProcessType),
            (ManagedBy, ManagedByValue));
}
