namespace Paas.Platform.Sources;

/// <summary>The App condition that reports automatic builds from spec.source, and the reasons and event reasons it uses.</summary>
public static class SourceReasons
{
    /// <summary>App condition: True when spec.source.git.ref was resolved to a commit at the latest poll.</summary>
    public const string ConditionType = "SourceResolved";

    /// <summary>The ref was resolved; the message names the commit.</summary>
    public const string RefResolved = "RefResolved";

    /// <summary>The URL is ssh://, git:// or scp-like, which cannot be polled over HTTP.</summary>
    public const string NotPollable = "SourceNotPollable";

    /// <summary>No answer: DNS, connection, TLS or timeout.</summary>
    public const string Unreachable = "SourceUnreachable";

    /// <summary>HTTP 404: no repository at the URL.</summary>
    public const string NotFound = "SourceNotFound";

    /// <summary>HTTP 401 or 403: the repository is private (or, on some hosts, absent).</summary>
    public const string AuthRequired = "SourceAuthRequired";

    /// <summary>An answer that is not a git ref advertisement.</summary>
    public const string BadResponse = "SourceBadResponse";

    /// <summary>The repository has no commits yet.</summary>
    public const string EmptyRepository = "EmptyRepository";

    /// <summary>spec.source.git.ref is neither a branch nor a tag there.</summary>
    public const string RefNotFound = "RefNotFound";

    /// <summary>The API server refused to create the automatic Build (RBAC): the operator's installation needs fixing.</summary>
    public const string BuildForbidden = "AutoBuildForbidden";

    /// <summary>Event: a new commit at the ref started a Build.</summary>
    public const string AutoBuildStarted = "AutoBuildStarted";
}
