using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Controllers.Sources;

/// <summary>
/// The outcome of an App's latest poll, kept in memory between polls: which source it was for, what the ref resolved
/// to (or why not), when to poll again, and how many polls in a row failed.
/// </summary>
/// <param name="Source">The spec.source.git it polled; another value means spec.source changed and is polled at once.</param>
/// <param name="Resolution">The commit, or the failure reason and message.</param>
/// <param name="DisplayUrl">The URL without credentials, for messages.</param>
/// <param name="NextPollAt">When to poll again; <see cref="DateTimeOffset.MaxValue"/> when only a change of spec.source can help.</param>
/// <param name="Failures">Failed polls in a row, for the backoff.</param>
public sealed record SourcePoll(GitSource Source, RefResolution Resolution, string DisplayUrl, DateTimeOffset NextPollAt, int Failures)
{
    /// <summary>True when <paramref name="source"/> is the source this poll was for.</summary>
    public bool IsFor(GitSource source) => Source == source;
}
