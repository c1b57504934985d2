namespace Paas.Platform.Builds;

/// <summary>
/// An image reference split the way a registry is addressed: host, repository path, tag or digest. Names without a
/// registry host are Docker Hub's (<c>nginx</c> is <c>registry-1.docker.io/library/nginx</c>), as docker pull reads them.
/// </summary>
/// <param name="Written">The reference without its tag or digest, as the user wrote it; <c>Written@digest</c> pins it.</param>
/// <param name="Registry">The registry's host[:port] to call.</param>
/// <param name="Repository">The repository path on that registry.</param>
/// <param name="Tag">The tag; <c>latest</c> when neither tag nor digest is given.</param>
/// <param name="Digest">The digest, when the reference pins one.</param>
public sealed record ImageName(string Written, string Registry, string Repository, string? Tag, string? Digest)
{
    public const string DockerHub = "registry-1.docker.io";

    /// <summary>Splits a reference that <see cref="Validation.ImageReferences.IsValid"/> accepts.</summary>
    public static ImageName Parse(string reference)
    {
        ArgumentException.ThrowIfNullOrEmpty(reference);
        string? digest = null;
        var at = reference.IndexOf('@', StringComparison.Ordinal);
        var name = reference;
        if (at >= 0)
        {
            digest = reference[(at + 1)..];
            name = reference[..at];
        }

        string? tag = null;
        var colon = name.LastIndexOf(':');
        if (colon > name.LastIndexOf('/'))
        {
            tag = name[(colon + 1)..];
            name = name[..colon];
        }

        var slash = name.IndexOf('/', StringComparison.Ordinal);
        var first = slash < 0 ? string.Empty : name[..slash];
        var hasHost = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost";
        var (registry, repository) = hasHost
            ? (first, name[(slash + 1)..])
            : (DockerHub, slash < 0 ? "library/" + name : name);
        if (registry == "docker.io" || registry == "index.docker.io")
        {
            registry = DockerHub;
            repository = repository.Contains('/', StringComparison.Ordinal) ? repository : "library/" + repository;
        }

        return new ImageName(name, registry, repository, tag ?? (digest is null ? "latest" : null), digest);
    }
}
