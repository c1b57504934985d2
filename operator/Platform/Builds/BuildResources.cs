namespace Paas.Platform.Builds;

/// <summary>Kubernetes quantities for build containers; Heroku's builders are roughly a performance dyno.</summary>
public sealed record BuildResources
{
    public string CpuRequest { get; init; } = "500m";

    public string MemoryRequest { get; init; } = "1Gi";

    public string CpuLimit { get; init; } = "2";

    public string MemoryLimit { get; init; } = "4Gi";

    /// <summary>Size limit of the shared workspace (source, context and the builder's layers); the pod is evicted beyond it.</summary>
    public string WorkspaceSize { get; init; } = "10Gi";
}
