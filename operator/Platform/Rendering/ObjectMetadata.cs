using Kube.Models;

namespace Paas.Platform.Rendering;

/// <summary>Metadata of rendered objects: name, the App's namespace, labels, and the owner when one was given.</summary>
internal static class ObjectMetadata
{
    public static ObjectMeta For(
        RenderInput input,
        string name,
        IReadOnlyDictionary<string, string> labels,
        IReadOnlyDictionary<string, string>? annotations = null) =>
        For(name, input.Namespace, labels, input.Owner, annotations);

    public static ObjectMeta For(
        string name,
        string? @namespace,
        IReadOnlyDictionary<string, string> labels,
        OwnerReference? owner,
        IReadOnlyDictionary<string, string>? annotations = null) => new()
        {
            Name = name,
            Namespace = @namespace,
            Labels = labels,
            Annotations = annotations,
            OwnerReferences = owner is null ? null : [owner],
        };
}
