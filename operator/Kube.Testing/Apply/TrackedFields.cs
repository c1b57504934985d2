using System.Text.Json.Nodes;

namespace Kube.Testing.Apply;

/// <summary>Which top-level fields a write may touch and own: identity and server-set metadata never, status only through its subresource.</summary>
internal sealed class TrackedFields
{
    private static readonly HashSet<string> UntrackedRoot = new(StringComparer.Ordinal) { "apiVersion", "kind" };

    private static readonly HashSet<string> UntrackedMetadata = new(StringComparer.Ordinal)
    {
        "name", "namespace", "generateName", "uid", "resourceVersion", "generation", "creationTimestamp",
        "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink", "managedFields",
    };

    private readonly bool _statusOnly;
    private readonly bool _statusExcluded;

    public TrackedFields(string? subresource, bool hasStatusSubresource)
    {
        _statusOnly = subresource == "status";
        _statusExcluded = subresource is null && hasStatusSubresource;
        Subresource = subresource;
    }

    public string? Subresource { get; }

    /// <summary>Whether a root field belongs to this write at all (as opposed to being kept from the live object).</summary>
    public bool IsInScope(string rootField) =>
        _statusOnly ? rootField == "status" : !(_statusExcluded && rootField == "status");

    public bool IsTrackedRoot(string rootField) => IsInScope(rootField) && !UntrackedRoot.Contains(rootField);

    public static bool IsTrackedMetadata(string metadataField) => !UntrackedMetadata.Contains(metadataField);

    /// <summary>The object with only the fields this write may set (for a status write: just <c>status</c>).</summary>
    public JsonObject Select(JsonObject obj)
    {
        var selected = new JsonObject();
        foreach (var (name, value) in obj)
        {
            if (IsInScope(name) || UntrackedRoot.Contains(name))
            {
                selected[name] = value?.DeepClone();
            }
        }
        return selected;
    }
}
