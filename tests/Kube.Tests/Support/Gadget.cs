using Kube.Models;

namespace Kube.Tests.Support;

/// <summary>A kind whose spec is required, like paas.dev Releases: a bookmark (metadata only) cannot be read as one.</summary>
public sealed record Gadget : IKubernetesObject<Gadget>
{
    public static ResourceType Resource { get; } = new("example.dev", "v1alpha1", "Gadget", "gadgets", Namespaced: true);

    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ObjectMeta Metadata { get; init; } = new();

    public required WidgetSpec Spec { get; init; }
}
