namespace Kube.Models;

/// <summary>A lease used for leader election and heartbeats (coordination.k8s.io/v1 Lease).</summary>
public sealed record Lease : IKubernetesObject<Lease>
{
    public static ResourceType Resource { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", Namespaced: true);

    public string? ApiVersion { get; init; } = "coordination.k8s.io/v1";

    public string? Kind { get; init; } = "Lease";

    public ObjectMeta Metadata { get; init; } = new();

    public LeaseSpec? Spec { get; init; }
}
