using System.Text.RegularExpressions;

namespace Paas.Platform.Validation;

/// <summary>Buildpack entries: a platform buildpack's name or the URL of a Heroku-compatible one.</summary>
public static partial class Buildpacks
{
    public const string Rule = "buildpacks are names such as \"heroku/nodejs\" or https URLs of Heroku-compatible buildpacks";

    public static bool IsValid(string buildpack) =>
        Name().IsMatch(buildpack)
        || (Uri.TryCreate(buildpack, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0 && !buildpack.Any(char.IsWhiteSpace));

    /// <summary>All errors of a buildpack list at <paramref name="field"/>: malformed entries and duplicates.</summary>
    public static IEnumerable<ValidationError> Check(string field, IReadOnlyList<string>? buildpacks)
    {
        if (buildpacks is null)
        {
            yield break;
        }

        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < buildpacks.Count; i++)
        {
            var path = $"{field}[{i}]";
            var buildpack = buildpacks[i] ?? "";
            if (!IsValid(buildpack))
            {
                var lower = buildpack.ToLowerInvariant();
                var fix = lower != buildpack && Name().IsMatch(lower)
                    ? $"write it as {Quote.Of(lower)}"
                    : "e.g. \"heroku/python\" or \"https://github.com/heroku/heroku-buildpack-python\"";
                yield return ValidationError.Invalid(path, Quote.Of(buildpack), Rule, fix, "buildpack");
            }
            else if (!seen.TryAdd(buildpack, i))
            {
                yield return ValidationError.Invalid(path, Quote.Of(buildpack), $"it is already listed at {field}[{seen[buildpack]}], and a buildpack runs once per build", "remove the duplicate", "buildpack");
            }
        }
    }

    // heroku/nodejs, heroku/ruby@3.1.0, or a bare name such as "nodejs".
    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*(?:/[a-z0-9][a-z0-9._-]*)*(?:@[A-Za-z0-9][A-Za-z0-9._+-]*)?\z")]
    private static partial Regex Name();
}
