using System.Text.RegularExpressions;

namespace Paas.Platform.Sources;

/// <summary>Turns spec.source.git.url into the smart-HTTP address of its refs; only http(s) URLs can be polled without a clone.</summary>
public static partial class SourceUrls
{
    /// <summary>The target for <paramref name="url"/>, or a message naming the field, the value and the fix.</summary>
    public static SourcePollTargetCheck ForPolling(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Length > 0 && uri.AbsolutePath.Trim('/').Length > 0)
        {
            var withoutUser = new UriBuilder(uri) { UserName = "", Password = "", Query = "", Fragment = "" };
            var display = withoutUser.Uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            var refs = new UriBuilder(withoutUser.Uri) { Path = withoutUser.Path.TrimEnd('/') + "/info/refs", Query = "service=git-upload-pack" };
            return new SourcePollTargetCheck(new SourcePollTarget(refs.Uri, display, CredentialsOf(uri)), null);
        }

        var (kind, https) = Uri.TryCreate(url, UriKind.Absolute, out uri) && uri.Scheme is "ssh" or "git" && uri.Host.Length > 0
            ? (uri.Scheme == "ssh" ? "an SSH URL" : "a git:// URL", $"https://{uri.Host}{uri.AbsolutePath}")
            : ScpLike().Match(url) is { Success: true } scp
                ? ("an SSH URL (scp-like)", $"https://{scp.Groups["host"].Value}/{scp.Groups["path"].Value.TrimStart('/')}")
                : ("not an http(s) URL", null);
        var example = https is null ? "" : $", e.g. \"{https}\"";
        return new SourcePollTargetCheck(null,
            $"spec.source.git.url: \"{Redacted(url)}\" is {kind}, which the operator cannot poll for new commits (it reads refs over HTTPS, without cloning); " +
            $"set the repository's https clone URL{example}, or remove spec.source and create Builds yourself (paas builds:create).");
    }

    /// <summary>
    /// <paramref name="url"/> fit for messages: an http(s) URL loses its user info (a token may stand in the user name),
    /// any other URL only its password (<c>ssh://git@host</c> keeps its user).
    /// </summary>
    public static string Redacted(string url)
    {
        if (!url.Contains("://", StringComparison.Ordinal) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
        {
            return url;
        }

        var redacted = new UriBuilder(uri) { Password = "" };
        if (uri.Scheme is "https" or "http")
        {
            redacted.UserName = "";
        }

        return redacted.Uri.ToString();
    }

    private static BasicCredentialsText? CredentialsOf(Uri uri)
    {
        if (uri.UserInfo.Length == 0)
        {
            return null;
        }

        var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
        return colon < 0
            ? new BasicCredentialsText(Uri.UnescapeDataString(uri.UserInfo), "")
            : new BasicCredentialsText(Uri.UnescapeDataString(uri.UserInfo[..colon]), Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]));
    }

    // user@host:path, as git accepts it (and GitSources validates it).
    [GeneratedRegex(@"^[A-Za-z0-9._-]+@(?<host>[A-Za-z0-9.-]+):(?<path>[^\s]+)\z")]
    private static partial Regex ScpLike();
}
