namespace Kube.Models;

/// <summary>The metadata and spec of the pods a controller creates (core/v1 PodTemplateSpec).</summary>
public sealed record PodTemplateSpec
{
    public ObjectMeta? Metadata { get; init; }

    public required PodSpec Spec { get; init; }
}
