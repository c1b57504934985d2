namespace Paas.Platform.Api;

/// <summary>The <c>paas.dev/</c> annotation keys the operator writes; each key is spelled here and nowhere else.</summary>
public static class PaasAnnotations
{
    /// <summary>What caused a Release (a config hash, a build, a rollback), so a retry can recognise its own earlier success.</summary>
    public const string ReleaseIntent = "paas.dev/release-intent";

    /// <summary>On a config snapshot Secret: the hash that <c>spec.config.hash</c> of its Releases repeats, so the two can be compared.</summary>
    public const string ConfigHash = "paas.dev/config-hash";

    /// <summary>
    /// On an App: a user's request to roll back to release <c>v&lt;N&gt;</c> (value <c>"3"</c> or <c>"v3"</c>), as
    /// <c>heroku rollback v3</c>; the operator creates "Rollback to v3" and removes the annotation.
    /// </summary>
    public const string RollbackTo = "paas.dev/rollback-to";

    /// <summary>Hash of the desired object last applied; an equal hash on the live object means there is nothing to apply.</summary>
    public const string DesiredHash = "paas.dev/desired-hash";
}
