namespace Paas.Platform.Sources;

/// <summary>
/// The refs a git server advertises for <c>git-upload-pack</c> (protocol v0/v1): each ref's object id, the commit an
/// annotated tag points to (its peeled <c>^{}</c> line), the symrefs (<c>HEAD</c> to the default branch) and the capabilities.
/// </summary>
/// <param name="Refs">Ref name (<c>HEAD</c>, <c>refs/heads/main</c>, <c>refs/tags/v1</c>) to object id, lowercase hex.</param>
/// <param name="Peeled">Annotated tag ref name to the commit it points to.</param>
/// <param name="Symrefs">Symbolic ref to the ref it names, from the <c>symref=</c> capabilities.</param>
/// <param name="Capabilities">The capabilities of the first ref line, as sent.</param>
public sealed record RefAdvertisement(
    IReadOnlyDictionary<string, string> Refs,
    IReadOnlyDictionary<string, string> Peeled,
    IReadOnlyDictionary<string, string> Symrefs,
    IReadOnlyList<string> Capabilities)
{
    /// <summary>A repository without a single commit advertises no refs (only the <c>capabilities^{}</c> placeholder).</summary>
    public bool IsEmpty => Refs.Count == 0;

    /// <summary>The commit <paramref name="refName"/> points to: the peeled commit for an annotated tag, else the ref's own object; null when absent.</summary>
    public string? CommitOf(string refName) =>
        Peeled.TryGetValue(refName, out var peeled) ? peeled : Refs.GetValueOrDefault(refName);

    /// <summary>Branch names without <c>refs/heads/</c>, sorted.</summary>
    public IEnumerable<string> Branches() =>
        Refs.Keys.Where(name => name.StartsWith(GitRefs.HeadsPrefix, StringComparison.Ordinal))
            .Select(name => name[GitRefs.HeadsPrefix.Length..])
            .Order(StringComparer.Ordinal);
}
