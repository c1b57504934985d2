using Paas.Platform.Api;

namespace Paas.Platform.Validation;

/// <summary>Checks a Build: its App, exactly one well-formed source, buildpacks; and that updates leave the spec alone.</summary>
public sealed class BuildValidator
{
    public ValidationResult Validate(Build build)
    {
        ArgumentNullException.ThrowIfNull(build);
        var findings = new Findings();
        var spec = build.Spec;
        findings.Add(AppNames.Check("spec.app", spec.App));
        CheckSource(spec.Source, findings);
        findings.AddRange(Buildpacks.Check("spec.buildpacks", spec.Buildpacks));
        return findings.ToResult();
    }

    /// <summary>Checks the new object, and rejects every change to the spec: a Build records what was built.</summary>
    public ValidationResult ValidateUpdate(Build old, Build updated)
    {
        ArgumentNullException.ThrowIfNull(old);
        var findings = new Findings();
        findings.Include(Validate(updated));
        findings.AddRange(SpecChanges.Rejections(old.Spec, updated.Spec, PaasJsonContext.Default.BuildSpec, "a Build's spec cannot change after creation, it records what was built", "create a new Build instead"));
        return findings.ToResult();
    }

    private static void CheckSource(BuildSource? source, Findings findings)
    {
        if (source is null)
        {
            findings.Add(ValidationError.Because("spec.source", "a Build needs a source", "set one of git, archive or image"));
            return;
        }

        var set = new[] { ("git", source.Git is not null), ("archive", source.Archive is not null), ("image", source.Image is not null) }
            .Where(s => s.Item2).Select(s => s.Item1).ToList();
        if (set.Count == 0)
        {
            findings.Add(ValidationError.Because("spec.source", "set exactly one of git, archive and image, and none is set", "add one, e.g. git: {url: https://github.com/heroku/node-js-getting-started.git}"));
        }
        else if (set.Count > 1)
        {
            findings.Add(ValidationError.Because("spec.source", $"set exactly one of git, archive and image, and {(set.Count == 2 ? $"{set[0]} and {set[1]} are both" : "git, archive and image are all")} set", "keep one and create another Build for the other"));
        }

        if (source.Git is { } git)
        {
            GitSources.Check("spec.source.git", git, findings);
        }

        if (source.Archive is { } archive)
        {
            CheckArchive(archive, findings);
        }

        if (source.Image is { } image)
        {
            ImageReferences.Check("spec.source.image", image, findings);
        }
    }

    private static void CheckArchive(ArchiveSource archive, Findings findings)
    {
        var url = archive.Url ?? "";
        if (!(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0) || url.Any(char.IsWhiteSpace))
        {
            findings.Add(ValidationError.Invalid("spec.source.archive.url", Quote.Of(url), "archive URLs must be absolute https or http URLs of a .tar.gz file", "e.g. \"https://example.com/releases/app-1.2.tar.gz\"", "URL"));
        }

        var sha = archive.Sha256 ?? "";
        if (sha.Length != 64 || !sha.All(char.IsAsciiHexDigit))
        {
            var fix = sha.StartsWith("sha256:", StringComparison.Ordinal) ? $"drop the \"sha256:\" prefix: {Quote.Of(sha["sha256:".Length..])}" : "compute it with `sha256sum app.tar.gz`";
            var rule = sha.Length == 64 ? "sha256 must be 64 hexadecimal digits, and this has other characters" : $"sha256 must be 64 hexadecimal digits, this has {sha.Length} characters";
            findings.Add(ValidationError.Invalid("spec.source.archive.sha256", Quote.Of(sha), rule, fix, "checksum"));
        }
    }
}
