using System.Text.RegularExpressions;
using Paas.Platform.Api;

namespace Paas.Platform.Validation;

/// <summary>The shape of git clone URLs and refs, checked before a build Job tries them.</summary>
public static partial class GitSources
{
    public const string UrlRule = "git URLs must be https://, http://, ssh:// or git:// URLs with a host and a path, or scp-like user@host:path";

    public const string RefRule = "git refs cannot contain spaces, \"..\", \"~\", \"^\", \":\", \"?\", \"*\", \"[\", \"\\\" or \"@{\", start with \"-\" or \"/\", or end with \"/\", \".\" or \".lock\" (git check-ref-format)";

    public const string PathRule = "the path must be a relative folder inside the repository: no leading \"/\", no \"..\" or \".\" segments, no empty segments or backslashes";

    private static readonly string[] Schemes = ["https", "http", "ssh", "git"];

    /// <summary>Errors of a git source at <paramref name="field"/> (its <c>url</c> and <c>ref</c>), and a warning for credentials in the URL.</summary>
    internal static void Check(string field, GitSource git, Findings findings)
    {
        var url = git.Url ?? "";
        if (!IsValidUrl(url))
        {
            findings.Add(ValidationError.Invalid($"{field}.url", Quote.Of(url), UrlRule, "e.g. \"https://github.com/heroku/node-js-getting-started.git\" or \"git@github.com:heroku/node-js-getting-started.git\"", "URL"));
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.UserInfo.Contains(':', StringComparison.Ordinal))
        {
            findings.Warn($"{field}.url", "the URL carries a password or token, which anyone who can read this object can see; prefer a URL without credentials");
        }

        if (git.Ref is { } gitRef && !IsValidRef(gitRef))
        {
            findings.Add(ValidationError.Invalid($"{field}.ref", Quote.Of(gitRef), RefRule, "use a branch, tag or commit SHA, e.g. \"main\" or \"v1.2.0\"", "ref"));
        }

        if (git.Path is { } path && !IsValidPath(path))
        {
            findings.Add(ValidationError.Invalid($"{field}.path", Quote.Of(path), PathRule, "name the app's folder from the repository root, e.g. \"services/api\", or omit path for the root", "path"));
        }
    }

    /// <summary>A folder below the repository root: the build step moves it into place, so it must not climb out.</summary>
    public static bool IsValidPath(string path) =>
        path.Length > 0
        && !path.Any(c => char.IsControl(c) || c == '\\')
        && !path.StartsWith('/')
        && path.TrimEnd('/').Split('/').All(segment => segment.Length > 0 && segment != "." && segment != "..");

    public static bool IsValidUrl(string url)
    {
        if (url.Length == 0 || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        if (url.Contains("://", StringComparison.Ordinal))
        {
            return Uri.TryCreate(url, UriKind.Absolute, out var uri)
                && Schemes.Contains(uri.Scheme)
                && uri.Host.Length > 0
                && uri.AbsolutePath.Trim('/').Length > 0;
        }

        return ScpLike().IsMatch(url);
    }

    public static bool IsValidRef(string gitRef) =>
        gitRef.Length > 0
        && !gitRef.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || "~^:?*[\\".Contains(c, StringComparison.Ordinal))
        && !gitRef.Contains("..", StringComparison.Ordinal)
        && !gitRef.Contains("@{", StringComparison.Ordinal)
        && !gitRef.Contains("//", StringComparison.Ordinal)
        && !gitRef.StartsWith('-')
        && !gitRef.StartsWith('/')
        && !gitRef.EndsWith('/')
        && !gitRef.EndsWith('.')
        && !gitRef.EndsWith(".lock", StringComparison.Ordinal)
        && gitRef != "@";

    // user@host:path, as git itself accepts it; a path starting with "//" would be a URL missing its scheme.
    [GeneratedRegex(@"^[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:(?!//)[^\s]+\z")]
    private static partial Regex ScpLike();
}
