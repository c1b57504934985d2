using Kube.Models;

namespace Paas.Platform.Api;

/// <summary>A paas.dev kind: a Kubernetes object that also says how kubectl should show it.</summary>
/// <typeparam name="TSelf">The implementing record.</typeparam>
public interface IPaasResource<TSelf> : IKubernetesObject<TSelf>
    where TSelf : IPaasResource<TSelf>
{
    /// <summary>Short names and printer columns, as the CRD declares them.</summary>
    static abstract ResourcePresentation Presentation { get; }
}
