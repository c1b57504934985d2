namespace Kube.Models;

/// <summary>An object the Kubernetes API serves: it has a type and standard metadata.</summary>
public interface IKubernetesObject
{
    string? ApiVersion { get; }

    string? Kind { get; }

    ObjectMeta Metadata { get; }
}

/// <summary>A Kubernetes object type that knows where the API serves it.</summary>
/// <typeparam name="TSelf">The implementing record.</typeparam>
public interface IKubernetesObject<TSelf> : IKubernetesObject
    where TSelf : IKubernetesObject<TSelf>
{
    /// <summary>Where this kind is served: group, version, plural, scope.</summary>
    static abstract ResourceType Resource { get; }
}
