using Kube.Models;

namespace Kube.Tests.Support;

/// <summary>A core ConfigMap, defined here to prove callers can bring their own types and JSON contexts.</summary>
public sealed record ConfigMap : IKubernetesObject<ConfigMap>
{
    public static ResourceType Resource { get; } = new(string.Empty, "v1", "ConfigMap", "configmaps", Namespaced: true);

    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public ObjectMeta Metadata { get; init; } = new();

    public IReadOnlyDictionary<string, string>? Data { get; init; }

    public static ConfigMap Named(string name, string @namespace, IReadOnlyDictionary<string, string>? data = null) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = @namespace }, Data = data };
}
