using Kube.Models;

namespace Kube.Runtime.Tests.Support;

/// <summary>A minimal core/v1 ConfigMap for tests: the runtime is generic, and the test server serves ConfigMaps.</summary>
public sealed record ConfigMap : IKubernetesObject<ConfigMap>
{
    public static ResourceType Resource { get; } = new(string.Empty, "v1", "ConfigMap", "configmaps", Namespaced: true);

    public string? ApiVersion { get; init; } = "v1";

    public string? Kind { get; init; } = "ConfigMap";

    public ObjectMeta Metadata { get; init; } = new();

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public static ConfigMap Named(string name, string? @namespace = "default", string? resourceVersion = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = @namespace, ResourceVersion = resourceVersion },
    };
}
