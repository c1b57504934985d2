namespace Kube.Models;

/// <summary>Limits how many pods voluntary disruptions such as node drains may take at once (policy/v1 PodDisruptionBudget).</summary>
public sealed record PodDisruptionBudget : IKubernetesObject<PodDisruptionBudget>
{
    public static ResourceType Resource { get; } = new("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", Namespaced: true);

    public string? ApiVersion { get; init; } = "policy/v1";

    public string? Kind { get; init; } = "PodDisruptionBudget";

    public ObjectMeta Metadata { get; init; } = new();

    public PodDisruptionBudgetSpec? Spec { get; init; }
}
