using Kube.Models;

namespace Kube.Client;

/// <summary>Builds API paths: <c>/api/v1/...</c> for the core group, <c>/apis/group/version/...</c> otherwise.</summary>
public static class ResourcePaths
{
    /// <summary>The collection path; a null namespace on a namespaced type means all namespaces (list and watch only).</summary>
    public static string Collection(ResourceType type, string? @namespace)
    {
        var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
        return type.Namespaced && !string.IsNullOrEmpty(@namespace)
            ? $"{prefix}/namespaces/{Uri.EscapeDataString(@namespace)}/{type.Plural}"
            : $"{prefix}/{type.Plural}";
    }

    /// <summary>The path of one object, or of its subresource such as <c>status</c>.</summary>
    public static string Item(ResourceType type, string? @namespace, string name, string? subresource = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (type.Namespaced && string.IsNullOrEmpty(@namespace))
        {
            throw new ArgumentException($"{type.Kind} is namespaced: give the namespace of \"{name}\"", nameof(@namespace));
        }

        var path = $"{Collection(type, @namespace)}/{Uri.EscapeDataString(name)}";
        return subresource is null ? path : $"{path}/{subresource}";
    }

    /// <summary>The path a new object is created at; a namespaced type needs the namespace.</summary>
    public static string CreateTarget(ResourceType type, string? @namespace) =>
        type.Namespaced && string.IsNullOrEmpty(@namespace)
            ? throw new ArgumentException($"{type.Kind} is namespaced: set metadata.namespace before creating it", nameof(@namespace))
            : Collection(type, @namespace);
}
