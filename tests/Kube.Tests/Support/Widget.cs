using Kube.Models;

namespace Kube.Tests.Support;

/// <summary>A cluster-scoped custom resource with a status, for URL and status-subresource tests.</summary>
public sealed record Widget : IKubernetesObject<Widget>
{
    public static ResourceType Resource { get; } = new("example.dev", "v1alpha1", "Widget", "widgets", Namespaced: false);

    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ObjectMeta Metadata { get; init; } = new();

    public WidgetSpec? Spec { get; init; }

    public WidgetStatus? Status { get; init; }
}

public sealed record WidgetSpec(int Size);

public sealed record WidgetStatus(string Phase);
