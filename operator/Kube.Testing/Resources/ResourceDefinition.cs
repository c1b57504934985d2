namespace Kube.Testing.Resources;

/// <summary>One served resource at one version, as discovery describes it and the handlers route to it.</summary>
internal sealed record ResourceDefinition(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    IReadOnlyList<string> ShortNames,
    IReadOnlyList<string> Categories,
    bool HasStatus,
    IReadOnlyList<PrinterColumn> PrinterColumns,
    bool IsCustom)
{
    public static readonly IReadOnlyList<string> AllVerbs =
        ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ListKind => Kind + "List";

    /// <summary>Storage is shared by all versions of one group and plural.</summary>
    public ResourceKey Key => new(Group, Plural);

    /// <summary>How Kubernetes names the resource in messages, e.g. <c>deployments.apps</c> or <c>configmaps</c>.</summary>
    public string QualifiedPlural => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>How Kubernetes names the kind in 422 messages, e.g. <c>Deployment.apps</c> or <c>ConfigMap</c>.</summary>
    public string QualifiedKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>Whether spec changes bump metadata.generation (resources with a status subresource, and all custom resources).</summary>
    public bool TracksGeneration => HasStatus || IsCustom;
}
