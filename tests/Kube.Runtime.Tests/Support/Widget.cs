using Kube.Models;

namespace Kube.Runtime.Tests.Support;

/// <summary>A stand-in owner kind for owner-reference tests.</summary>
public sealed record Widget : IKubernetesObject<Widget>
{
    public static ResourceType Resource { get; } = new("example.com", "v1", "Widget", "widgets", Namespaced: true);

    public string? ApiVersion { get; init; } = "example.com/v1";

    public string? Kind { get; init; } = "Widget";

    public ObjectMeta Metadata { get; init; } = new();
}
