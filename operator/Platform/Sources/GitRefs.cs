namespace Paas.Platform.Sources;

/// <summary>Spellings of git ref namespaces and object ids.</summary>
public static class GitRefs
{
    public const string Head = "HEAD";

    public const string HeadsPrefix = "refs/heads/";

    public const string TagsPrefix = "refs/tags/";

    /// <summary>True for a full object id: 40 hex digits (SHA-1) or 64 (SHA-256 repositories), either case.</summary>
    public static bool IsObjectId(string? text) =>
        text is { Length: 40 or 64 } && text.All(char.IsAsciiHexDigit);

    /// <summary>True for what looks like an abbreviated commit SHA (7 to 39 hex digits), which only a clone can expand.</summary>
    public static bool IsAbbreviatedObjectId(string? text) =>
        text is { Length: >= 7 and < 40 } && text.All(char.IsAsciiHexDigit);

    /// <summary>The first 7 digits, as git and Heroku show a commit.</summary>
    public static string Short(string objectId)
    {
        ArgumentNullException.ThrowIfNull(objectId);
        return objectId.Length > 7 ? objectId[..7] : objectId;
    }
}
