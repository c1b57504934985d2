using Kube.Models;

namespace Paas.Platform.Rendering;

/// <summary>The desired Kubernetes objects of one App for one Release, each list in a stable order.</summary>
public sealed record RenderedApp
{
    public IReadOnlyList<Deployment> Deployments { get; init; } = [];

    /// <summary>The web Service, and in maintenance mode the ExternalName Service of the maintenance page.</summary>
    public IReadOnlyList<Service> Services { get; init; } = [];

    public IReadOnlyList<Ingress> Ingresses { get; init; } = [];

    public IReadOnlyList<HorizontalPodAutoscaler> Autoscalers { get; init; } = [];

    public IReadOnlyList<PodDisruptionBudget> DisruptionBudgets { get; init; } = [];

    /// <summary>The hostnames the web process is served at, the platform host first; empty when it has none.</summary>
    public IReadOnlyList<string> Hosts { get; init; } = [];

    /// <summary>Every object, Services before the Deployments and Ingresses that refer to them.</summary>
    public IEnumerable<IKubernetesObject> All =>
        Services.Cast<IKubernetesObject>()
            .Concat(Deployments)
            .Concat(Autoscalers)
            .Concat(DisruptionBudgets)
            .Concat(Ingresses);
}
