namespace Paas.Platform.Sources;

/// <summary>What spec.source.git.ref resolved to: a commit and the ref that holds it, or a reason and a message saying why not.</summary>
/// <param name="Commit">Full object id, lowercase; null on failure.</param>
/// <param name="RefName">The full ref followed, e.g. <c>refs/heads/main</c>, or the SHA itself.</param>
/// <param name="Reason">One of <see cref="SourceReasons"/> on failure.</param>
/// <param name="Message">Names the field, the value and the fix, on failure.</param>
public sealed record RefResolution(string? Commit, string? RefName, string? Reason, string? Message)
{
    public bool Resolved => Commit is not null;

    public static RefResolution To(string commit, string refName) => new(commit.ToLowerInvariant(), refName, null, null);

    public static RefResolution Failed(string reason, string message) => new(null, null, reason, message);
}
