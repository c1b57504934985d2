namespace Kube.Models;

/// <summary>Runs a set of identical pods and rolls them to a new template (apps/v1 Deployment).</summary>
public sealed record Deployment : IKubernetesObject<Deployment>
{
    public static ResourceType Resource { get; } = new("apps", "v1", "Deployment", "deployments", Namespaced: true);

    public string? ApiVersion { get; init; } = "apps/v1";

    public string? Kind { get; init; } = "Deployment";

    public ObjectMeta Metadata { get; init; } = new();

    public DeploymentSpec? Spec { get; init; }

    public DeploymentStatus? Status { get; init; }
}
