using System.Collections.Concurrent;
using System.Diagnostics;
using Kube.Testing;

namespace Paas.Bench.Operator;

/// <summary>
/// The API server's request observer for the benchmark: keeps the write requests the operator process sent (known by
/// its User-Agent) with their bodies, in arrival order, and remembers when the last one arrived.
/// </summary>
internal sealed class OperatorWrites
{
    /// <summary>The User-Agent the Host's client sends (OperatorRunner).</summary>
    public const string UserAgentPrefix = "paas-operator/";

    private readonly ConcurrentQueue<ObservedRequest> writes = new();
    private readonly ConcurrentQueue<long> arrivals = new();
    private long lastWriteTimestamp;
    private long requests;

    public int Count => writes.Count;

    /// <summary>All requests of the operator, reads included.</summary>
    public long Requests => Interlocked.Read(ref requests);

    /// <summary>Stopwatch timestamp of the latest operator write, 0 when none.</summary>
    public long LastWriteTimestamp => Interlocked.Read(ref lastWriteTimestamp);

    public void Observe(ObservedRequest request)
    {
        if (request.UserAgent?.StartsWith(UserAgentPrefix, StringComparison.Ordinal) != true)
        {
            return;
        }

        Interlocked.Increment(ref requests);
        if (request.IsWrite)
        {
            var now = Stopwatch.GetTimestamp();
            writes.Enqueue(request);
            arrivals.Enqueue(now);
            Interlocked.Exchange(ref lastWriteTimestamp, now);
        }
    }

    /// <summary>Takes the writes seen so far, leaving none behind.</summary>
    public IReadOnlyList<ObservedRequest> Drain()
    {
        var taken = new List<ObservedRequest>();
        while (writes.TryDequeue(out var write))
        {
            taken.Add(write);
        }

        arrivals.Clear();
        return taken;
    }

    /// <summary>The most writes that completed within one second, so far since the last <see cref="Drain"/>.</summary>
    public int BusiestSecond()
    {
        var times = arrivals.ToArray();
        Array.Sort(times);
        var best = 0;
        for (int start = 0, end = 0; end < times.Length; end++)
        {
            while (Stopwatch.GetElapsedTime(times[start], times[end]) > TimeSpan.FromSeconds(1))
            {
                start++;
            }

            best = Math.Max(best, end - start + 1);
        }

        return best;
    }

    /// <summary>How long the server took over the writes: sum, p50 and p99, e.g. "server time 1.2 s (p50 0.4 ms, p99 3 ms)".</summary>
    public static string ServerTime(IReadOnlyList<ObservedRequest> writes)
    {
        if (writes.Count == 0)
        {
            return "no writes";
        }

        var sorted = writes.Select(w => w.Elapsed.TotalMilliseconds).Order().ToArray();
        double At(double p) => sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
        return $"server time {sorted.Sum() / 1000:N2} s (p50 {At(50):N2} ms, p99 {At(99):N2} ms)";
    }

    /// <summary>Writes grouped as "verb resource[/subresource]" with counts, e.g. "patch deployments: 2000".</summary>
    public static string ByKind(IEnumerable<ObservedRequest> writes) =>
        string.Join(", ", writes
            .GroupBy(w => $"{w.Verb} {w.Resource}{(w.Subresource is null ? "" : "/" + w.Subresource)}{(w.StatusCode >= 400 ? $" ({w.StatusCode})" : "")}")
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => $"{g.Key}: {g.Count()}"))
        is { Length: > 0 } text ? text : "none";

    /// <summary>Waits until no operator write has arrived for <paramref name="quiet"/> (or none at all since the call began).</summary>
    public async Task WaitForQuietAsync(TimeSpan quiet, TimeSpan deadline, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < deadline)
        {
            var last = Math.Max(LastWriteTimestamp, started);
            var silent = Stopwatch.GetElapsedTime(last);
            if (silent >= quiet)
            {
                return;
            }

            await Task.Delay(quiet - silent + TimeSpan.FromMilliseconds(10), cancellationToken);
        }
    }
}
