namespace Kube.Models;

/// <summary>The scaled object, in the autoscaler's namespace (autoscaling/v2 CrossVersionObjectReference).</summary>
public sealed record CrossVersionObjectReference
{
    public string? ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required string Name { get; init; }
}
