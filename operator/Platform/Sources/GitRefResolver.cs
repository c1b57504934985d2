namespace Paas.Platform.Sources;

/// <summary>
/// Resolves spec.source.git.ref against a ref advertisement the way <c>git clone --branch</c> picks a ref: omitted means
/// the default branch (<c>HEAD</c>), a name is tried as a branch and then as a tag (an annotated tag's commit, not the
/// tag object), <c>refs/...</c> is taken as written, and a full commit SHA is used as is.
/// </summary>
public static class GitRefResolver
{
    private const int BranchesNamed = 5;

    /// <summary>A full SHA needs no server: the commit it names never moves.</summary>
    public static RefResolution? WithoutServer(string? gitRef) =>
        GitRefs.IsObjectId(gitRef) ? RefResolution.To(gitRef!, gitRef!.ToLowerInvariant()) : null;

    /// <param name="advertisement">What the server advertised.</param>
    /// <param name="gitRef">spec.source.git.ref; null or empty means the default branch.</param>
    /// <param name="url">The repository URL for messages, without credentials.</param>
    public static RefResolution Resolve(RefAdvertisement advertisement, string? gitRef, string url)
    {
        ArgumentNullException.ThrowIfNull(advertisement);
        if (WithoutServer(gitRef) is { } sha)
        {
            return sha;
        }

        if (advertisement.IsEmpty)
        {
            return RefResolution.Failed(SourceReasons.EmptyRepository,
                $"spec.source.git.url: repository \"{url}\" has no commits yet; push one to {(string.IsNullOrEmpty(gitRef) ? "its default branch" : $"\"{gitRef}\"")} and the next poll builds it.");
        }

        if (string.IsNullOrEmpty(gitRef) || gitRef == GitRefs.Head)
        {
            return DefaultBranch(advertisement, url);
        }

        string[] candidates = gitRef.StartsWith("refs/", StringComparison.Ordinal)
            ? [gitRef]
            : [GitRefs.HeadsPrefix + gitRef, GitRefs.TagsPrefix + gitRef];
        foreach (var candidate in candidates)
        {
            if (advertisement.CommitOf(candidate) is { } commit)
            {
                return RefResolution.To(commit, candidate);
            }
        }

        return RefResolution.Failed(SourceReasons.RefNotFound, NotFoundMessage(advertisement, gitRef, url));
    }

    private static RefResolution DefaultBranch(RefAdvertisement advertisement, string url)
    {
        var target = advertisement.Symrefs.GetValueOrDefault(GitRefs.Head);
        var commit = advertisement.Refs.GetValueOrDefault(GitRefs.Head) ?? (target is null ? null : advertisement.CommitOf(target));
        return commit is null
            ? RefResolution.Failed(SourceReasons.RefNotFound,
                $"spec.source.git.ref: omitted, but repository \"{url}\" advertises no default branch (HEAD); set ref to a branch, e.g. \"{advertisement.Branches().FirstOrDefault() ?? "main"}\".")
            : RefResolution.To(commit, target ?? GitRefs.Head);
    }

    private static string NotFoundMessage(RefAdvertisement advertisement, string gitRef, string url)
    {
        if (GitRefs.IsAbbreviatedObjectId(gitRef))
        {
            return $"spec.source.git.ref: \"{gitRef}\" looks like an abbreviated commit SHA, which only a clone can expand; write the full 40-character SHA, or a branch or tag of \"{url}\".";
        }

        var branches = advertisement.Branches().ToList();
        var named = string.Join(", ", branches.Take(BranchesNamed));
        var more = branches.Count > BranchesNamed ? $" and {branches.Count - BranchesNamed} more" : "";
        var offer = branches.Count == 0 ? "it has no branches" : $"its branches are {named}{more}";
        return $"spec.source.git.ref: \"{gitRef}\" is neither a branch nor a tag of \"{url}\" ({offer}); set ref to an existing branch, tag or full commit SHA, or omit it for the default branch.";
    }
}
