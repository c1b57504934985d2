namespace Kube.Config;

/// <summary>A <c>clusters[]</c> entry as written in a kubeconfig file.</summary>
internal sealed record ClusterEntry(string Name, string SourceFile)
{
    public string? Server { get; init; }

    public string? CertificateAuthority { get; init; }

    public string? CertificateAuthorityData { get; init; }

    public bool InsecureSkipTlsVerify { get; init; }

    public string? TlsServerName { get; init; }
}

/// <summary>A <c>users[]</c> entry as written in a kubeconfig file.</summary>
internal sealed record UserEntry(string Name, string SourceFile)
{
    public string? ClientCertificate { get; init; }

    public string? ClientCertificateData { get; init; }

    public string? ClientKey { get; init; }

    public string? ClientKeyData { get; init; }

    public string? Token { get; init; }

    public string? TokenFile { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public ExecConfig? Exec { get; init; }

    public bool HasAuthProvider { get; init; }
}

/// <summary>A <c>contexts[]</c> entry as written in a kubeconfig file.</summary>
internal sealed record ContextEntry(string Name, string SourceFile)
{
    public string? Cluster { get; init; }

    public string? User { get; init; }

    public string? Namespace { get; init; }
}

/// <summary>One kubeconfig file, or several merged the way kubectl merges <c>KUBECONFIG</c>.</summary>
internal sealed record KubeconfigDocument(
    IReadOnlyList<string> Files,
    string? CurrentContext,
    IReadOnlyDictionary<string, ClusterEntry> Clusters,
    IReadOnlyDictionary<string, UserEntry> Users,
    IReadOnlyDictionary<string, ContextEntry> Contexts)
{
    /// <summary>
    /// Merges files in order: the first file to define a name wins, and current-context comes from the first file that sets it.
    /// </summary>
    public static KubeconfigDocument Merge(IReadOnlyList<KubeconfigDocument> documents)
    {
        var clusters = new Dictionary<string, ClusterEntry>(StringComparer.Ordinal);
        var users = new Dictionary<string, UserEntry>(StringComparer.Ordinal);
        var contexts = new Dictionary<string, ContextEntry>(StringComparer.Ordinal);
        string? currentContext = null;
        foreach (var document in documents)
        {
            currentContext ??= document.CurrentContext;
            foreach (var (name, entry) in document.Clusters)
            {
                clusters.TryAdd(name, entry);
            }

            foreach (var (name, entry) in document.Users)
            {
                users.TryAdd(name, entry);
            }

            foreach (var (name, entry) in document.Contexts)
            {
                contexts.TryAdd(name, entry);
            }
        }

        return new KubeconfigDocument([.. documents.SelectMany(d => d.Files)], currentContext, clusters, users, contexts);
    }
}
