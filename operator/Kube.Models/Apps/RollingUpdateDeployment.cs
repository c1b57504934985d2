namespace Kube.Models;

/// <summary>How far a rolling update may go below and above the desired pods (apps/v1 RollingUpdateDeployment).</summary>
public sealed record RollingUpdateDeployment
{
    public IntOrString? MaxUnavailable { get; init; }

    public IntOrString? MaxSurge { get; init; }
}
