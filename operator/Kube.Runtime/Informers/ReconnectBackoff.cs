namespace Kube.Runtime.Informers;

/// <summary>
/// Delays between failed connection attempts: starts at <c>initial</c>, doubles up to <c>max</c>, and adds up to
/// <c>jitter</c> × the delay at random (<c>nextRandom</c> returns [0, 1)) so that many clients do not reconnect in lockstep.
/// </summary>
public sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max, double jitter, Func<double> nextRandom)
{
    private readonly TimeSpan initialDelay = initial;
    private TimeSpan current = initial;

    /// <summary>client-go's reflector settings: 800 ms doubling to 30 s, up to 100% jitter.</summary>
    public static ReconnectBackoff ForWatches(Func<double> nextRandom) =>
        new(TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(30), jitter: 1.0, nextRandom);

    /// <summary>The delay before the next attempt; each call doubles the one after it.</summary>
    public TimeSpan Next()
    {
        var delay = current;
        current = current * 2 > max ? max : current * 2;
        return delay + (delay * (jitter * nextRandom()));
    }

    /// <summary>Back to the initial delay, after a healthy connection.</summary>
    public void Reset() => current = initialDelay;
}
