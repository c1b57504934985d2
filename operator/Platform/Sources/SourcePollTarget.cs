namespace Paas.Platform.Sources;

/// <summary>Where to ask a git server for its refs over smart HTTP, and how to name the repository in messages.</summary>
/// <param name="InfoRefs"><c>&lt;url&gt;/info/refs?service=git-upload-pack</c>, without credentials.</param>
/// <param name="DisplayUrl">spec.source.git.url without credentials, for conditions, events and logs.</param>
/// <param name="Credentials">User and password (or token) from the URL, sent as HTTP basic authentication; null when the URL has none.</param>
public sealed record SourcePollTarget(Uri InfoRefs, string DisplayUrl, BasicCredentialsText? Credentials);
