using Kube.Testing.Server;

namespace Kube.Testing;

/// <summary>
/// Makes the server misbehave on purpose, the way a loaded or failing API server does: added latency,
/// 429 with Retry-After, 500/503, and watch streams cut without a goodbye. Thread-safe; set it from tests.
/// </summary>
public sealed class FaultInjector
{
    private readonly Lock _gate = new();
    private TimeSpan _latency;
    private int _throttleRemaining;
    private int _retryAfterSeconds = 1;
    private int _errorRemaining;
    private int _errorCode = 500;
    private FaultFilter? _filter;
    private CancellationTokenSource _dropWatches = new();

    /// <summary>Delay added before every matching request is handled.</summary>
    public TimeSpan Latency
    {
        get { lock (_gate) return _latency; }
        set { lock (_gate) _latency = value; }
    }

    /// <summary>Limits faults to requests matching this filter; null (the default) means every request.</summary>
    public FaultFilter? Filter
    {
        get { lock (_gate) return _filter; }
        set { lock (_gate) _filter = value; }
    }

    /// <summary>The next <paramref name="count"/> matching requests get 429 TooManyRequests with <c>Retry-After: retryAfterSeconds</c>.</summary>
    public void ThrottleNext(int count, int retryAfterSeconds = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        lock (_gate)
        {
            _throttleRemaining = count;
            _retryAfterSeconds = retryAfterSeconds;
        }
    }

    /// <summary>The next <paramref name="count"/> matching requests fail with <paramref name="statusCode"/> (500 or 503).</summary>
    public void FailNext(int count, int statusCode = 500)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (statusCode is < 500 or > 599)
            throw new ArgumentOutOfRangeException(nameof(statusCode), statusCode, "use a 5xx status code, e.g. 500 or 503");
        lock (_gate)
        {
            _errorRemaining = count;
            _errorCode = statusCode;
        }
    }

    /// <summary>Aborts every open watch stream now, without a final event or a clean end of the response.</summary>
    public void DropWatches()
    {
        CancellationTokenSource previous;
        lock (_gate)
        {
            previous = _dropWatches;
            _dropWatches = new CancellationTokenSource();
        }
        // Not disposed: a watch may be registering on its token right now.
        previous.Cancel();
    }

    /// <summary>Clears every fault.</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _latency = TimeSpan.Zero;
            _throttleRemaining = 0;
            _errorRemaining = 0;
            _filter = null;
        }
    }

    /// <summary>Cancelled when <see cref="DropWatches"/> is called; each watch takes the current one when it opens.</summary>
    internal CancellationToken WatchDropSignal
    {
        get { lock (_gate) return _dropWatches.Token; }
    }

    /// <summary>Delays and possibly fails a request; called before the request is handled.</summary>
    internal async Task BeforeRequestAsync(string verb, string method, string path, CancellationToken cancellationToken)
    {
        TimeSpan latency;
        ApiException? failure = null;
        lock (_gate)
        {
            if (_filter is { } filter && !filter.Matches(verb, method, path))
                return;
            latency = _latency;
            if (_throttleRemaining > 0)
            {
                _throttleRemaining--;
                failure = StatusErrors.TooManyRequests(_retryAfterSeconds);
            }
            else if (_errorRemaining > 0)
            {
                _errorRemaining--;
                failure = StatusErrors.ServerError(_errorCode);
            }
        }
        if (latency > TimeSpan.Zero)
            await Task.Delay(latency, cancellationToken);
        if (failure is not null)
            throw failure;
    }
}
