using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Controllers.Sources;

/// <summary>
/// Polls one App's spec.source.git: resolves its ref over smart HTTP and says when to look again, the interval after a
/// success and a growing backoff after failures. A full SHA, or a URL that cannot be polled, needs no second look.
/// </summary>
public sealed class SourcePoller
{
    /// <summary>Failures in a row double the wait up to 16 times the interval, and never beyond an hour.</summary>
    private const int MaxDoublings = 4;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    private readonly GitRefClient refs;
    private readonly TimeSpan interval;
    private readonly Func<double> jitter;

    /// <param name="refs">Asks git servers for their refs.</param>
    /// <param name="interval">Between polls of a source that answers.</param>
    /// <param name="jitter">A number in [0, 1) per poll; a tenth of the wait times it is added, so Apps drift apart.</param>
    public SourcePoller(GitRefClient refs, TimeSpan interval, Func<double> jitter)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        this.refs = refs ?? throw new ArgumentNullException(nameof(refs));
        this.interval = interval;
        this.jitter = jitter ?? throw new ArgumentNullException(nameof(jitter));
    }

    /// <param name="source">spec.source.git.</param>
    /// <param name="previous">The App's previous poll; its failures count on only when it was for the same source.</param>
    /// <param name="now">The time of this poll.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    public async Task<SourcePoll> PollAsync(GitSource source, SourcePoll? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (GitRefResolver.WithoutServer(source.Ref) is { } pinned)
        {
            return new SourcePoll(source, pinned, SourceUrls.Redacted(source.Url), DateTimeOffset.MaxValue, 0);
        }

        var check = SourceUrls.ForPolling(source.Url);
        if (check.Target is not { } target)
        {
            return new SourcePoll(source, RefResolution.Failed(SourceReasons.NotPollable, check.Message!), SourceUrls.Redacted(source.Url), DateTimeOffset.MaxValue, 0);
        }

        var lookup = await refs.LookUpAsync(target, cancellationToken);
        var resolution = lookup.Advertisement is { } advertisement
            ? GitRefResolver.Resolve(advertisement, source.Ref, target.DisplayUrl)
            : RefResolution.Failed(lookup.Reason!, lookup.Message!);
        if (resolution.Resolved)
        {
            return new SourcePoll(source, resolution, target.DisplayUrl, now + Jittered(interval), 0);
        }

        var failures = (previous?.IsFor(source) == true ? previous.Failures : 0) + 1;
        return new SourcePoll(source, resolution, target.DisplayUrl, now + Jittered(Backoff(failures)), failures);
    }

    private TimeSpan Backoff(int failures)
    {
        var wait = interval * Math.Pow(2, Math.Min(failures - 1, MaxDoublings));
        return wait < MaxBackoff ? wait : MaxBackoff;
    }

    private TimeSpan Jittered(TimeSpan wait) => wait + (wait * 0.1 * Math.Clamp(jitter(), 0, 1));
}
