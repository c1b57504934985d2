using Kube.Models;

namespace Kube.Runtime.Cache;

/// <summary>Index functions most controllers need: by namespace, by owner uid, by a label's value.</summary>
public static class Indexers
{
    public const string Namespace = "namespace";

    public const string OwnerUid = "owner-uid";

    /// <summary>The index name <see cref="ByLabel{T}"/> results are conventionally registered under.</summary>
    public static string LabelIndexName(string labelKey) => $"label:{labelKey}";

    public static IEnumerable<string> ByNamespace<T>(T obj)
        where T : IKubernetesObject
        => obj.Metadata.Namespace is { Length: > 0 } ns ? [ns] : [];

    public static IEnumerable<string> ByOwnerUid<T>(T obj)
        where T : IKubernetesObject
        => obj.Metadata.OwnerReferences?.Select(owner => owner.Uid) ?? [];

    public static IndexFunction<T> ByLabel<T>(string labelKey)
        where T : IKubernetesObject
        => obj => obj.Metadata.Labels is { } labels && labels.TryGetValue(labelKey, out var value) ? [value] : [];
}
