using Kube.Models;
using Kube.Runtime.Cache;

namespace Kube.Runtime.Controllers;

/// <summary>Finds the key of an object's controlling owner of a given kind.</summary>
public static class OwnerKeys
{
    /// <summary>
    /// The owner named by the ownerReference with <c>controller: true</c>, if its kind and API group match
    /// <paramref name="ownerType"/> (any version). Owners of namespaced objects live in the same namespace.
    /// </summary>
    public static IEnumerable<ObjectKey> ControllerOf(IKubernetesObject obj, ResourceType ownerType)
    {
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentNullException.ThrowIfNull(ownerType);
        var owner = obj.Metadata.OwnerReferences?.FirstOrDefault(reference => reference.Controller == true);
        if (owner is null || owner.Kind != ownerType.Kind || GroupOf(owner.ApiVersion) != ownerType.Group)
        {
            return [];
        }

        return [new ObjectKey(ownerType.Namespaced ? obj.Metadata.Namespace : null, owner.Name)];
    }

    private static string GroupOf(string apiVersion)
    {
        var slash = apiVersion.IndexOf('/', StringComparison.Ordinal);
        return slash < 0 ? string.Empty : apiVersion[..slash];
    }
}
