namespace Kube.Models;

/// <summary>How a Deployment replaces old pods: <c>RollingUpdate</c> or <c>Recreate</c> (apps/v1 DeploymentStrategy).</summary>
public sealed record DeploymentStrategy
{
    public string? Type { get; init; }

    public RollingUpdateDeployment? RollingUpdate { get; init; }
}
