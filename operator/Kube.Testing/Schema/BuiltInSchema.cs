using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Schema;

/// <summary>What the server knows of a built-in kind: it validates and prunes nothing, but knows the merge keys of its lists.</summary>
internal sealed class BuiltInSchema(string kind) : IResourceSchema
{
    // Kinds that have a status subresource in Kubernetes; others (ConfigMap, Secret, ...) have no status at all.
    private static readonly HashSet<string> WithoutStatusSubresource = new(StringComparer.Ordinal)
    {
        "ConfigMap", "Secret", "ServiceAccount", "Role", "RoleBinding", "ClusterRole", "ClusterRoleBinding", "Event", "Endpoints",
        "EndpointSlice", "Lease", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "PriorityClass", "StorageClass",
    };

    public bool HasStatusSubresource => !WithoutStatusSubresource.Contains(kind);

    public void ApplyDefaults(JsonObject obj)
    {
    }

    public void Prune(JsonObject obj)
    {
    }

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old) => [];

    public IReadOnlyList<string>? ListMapKeys(IReadOnlyList<string> path) => BuiltInListKeys.For(path, kind);

    public bool IsSetList(IReadOnlyList<string> path) => BuiltInListKeys.IsSet(path);
}
