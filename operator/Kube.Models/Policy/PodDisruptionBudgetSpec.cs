namespace Kube.Models;

/// <summary>The pods a budget covers and how many may be down (policy/v1 PodDisruptionBudgetSpec); set one of the two bounds.</summary>
public sealed record PodDisruptionBudgetSpec
{
    public LabelSelector? Selector { get; init; }

    public IntOrString? MaxUnavailable { get; init; }

    public IntOrString? MinAvailable { get; init; }
}
