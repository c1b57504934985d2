using Kube.Models;
using Kube.Runtime.Cache;
using Paas.Platform.Api;

namespace Paas.Controllers.Apps;

/// <summary>The cached objects an App's workloads are made of, each store indexed by <see cref="ByApp"/>, plus the Formations.</summary>
public sealed record WorkloadStores(
    IObjectStore<Deployment> Deployments,
    IObjectStore<Service> Services,
    IObjectStore<Ingress> Ingresses,
    IObjectStore<HorizontalPodAutoscaler> Autoscalers,
    IObjectStore<PodDisruptionBudget> DisruptionBudgets,
    IObjectStore<Formation> Formations)
{
    /// <summary>The index of owned objects by <c>&lt;namespace&gt;/&lt;app&gt;</c>, read from the <c>paas.dev/app</c> label.</summary>
    public const string ByApp = "paas-app";

    /// <summary>The <see cref="ByApp"/> value of an App.</summary>
    public static string AppIndexValue(string? @namespace, string app) => $"{@namespace}/{app}";

    /// <summary>The index function behind <see cref="ByApp"/>.</summary>
    public static IEnumerable<string> IndexByApp(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata.Labels?.GetValueOrDefault(PaasLabels.App) is { Length: > 0 } app
            ? [AppIndexValue(obj.Metadata.Namespace, app)]
            : [];
    }

    /// <summary>The App's Formation: same name and namespace, and naming the App in spec.app.</summary>
    public Formation? FormationOf(string? @namespace, string app) =>
        Formations.Get(new ObjectKey(@namespace, app)) is { } formation && formation.Spec.App == app ? formation : null;

    /// <summary>Cached objects of <paramref name="store"/> labelled with the App.</summary>
    public static IReadOnlyList<T> OwnedBy<T>(IObjectStore<T> store, string? @namespace, string app)
        where T : class, IKubernetesObject
    {
        ArgumentNullException.ThrowIfNull(store);
        return store.ByIndex(ByApp, AppIndexValue(@namespace, app));
    }
}
