namespace Kube.Testing.Schema;

/// <summary>The merge keys of built-in Kubernetes lists (their <c>x-kubernetes-list-map-keys</c>), found by field path.</summary>
internal static class BuiltInListKeys
{
    private static readonly HashSet<string> ContainerLists = new(StringComparer.Ordinal) { "containers", "initContainers", "ephemeralContainers" };

    private static readonly Dictionary<string, string[]> ByFieldName = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["ephemeralContainers"] = ["name"],
        ["env"] = ["name"],
        ["volumes"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["volumeDevices"] = ["devicePath"],
        ["imagePullSecrets"] = ["name"],
        ["ownerReferences"] = ["uid"],
        ["conditions"] = ["type"],
        ["hostAliases"] = ["ip"],
        ["resourceClaims"] = ["name"],
        ["topologySpreadConstraints"] = ["topologyKey", "whenUnsatisfiable"],
        ["schedulingGates"] = ["name"],
    };

    /// <summary>Keys for the list at <paramref name="path"/> of a resource of <paramref name="kind"/> (empty when unknown), or null when atomic.</summary>
    public static IReadOnlyList<string>? For(IReadOnlyList<string> path, string kind)
    {
        if (path.Count == 0)
        {
            return null;
        }
        var name = path[^1];
        if (name == "ports")
        {
            if (path.Count >= 2 && ContainerLists.Contains(path[^2]))
            {
                return ["containerPort", "protocol"];
            }
            return kind == "Service" && path.Count == 2 && path[0] == "spec" ? ["port", "protocol"] : null;
        }
        if (name == "secrets" && kind == "ServiceAccount" && path.Count == 1)
        {
            return ["name"];
        }
        if (name == "ownerReferences" && (path.Count != 2 || path[0] != "metadata"))
        {
            return null;
        }
        return ByFieldName.GetValueOrDefault(name);
    }

    /// <summary>Built-in set lists: <c>metadata.finalizers</c>.</summary>
    public static bool IsSet(IReadOnlyList<string> path) => path is ["metadata", "finalizers"];
}
