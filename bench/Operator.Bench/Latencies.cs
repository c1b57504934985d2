namespace Paas.Bench;

/// <summary>Collects request latencies and reads percentiles from them.</summary>
internal sealed class Latencies
{
    private readonly List<double> milliseconds = [];

    public int Count
    {
        get
        {
            lock (milliseconds)
            {
                return milliseconds.Count;
            }
        }
    }

    public void Add(TimeSpan elapsed)
    {
        lock (milliseconds)
        {
            milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>The nearest-rank percentile, e.g. 99 for p99.</summary>
    public double Percentile(double percentile)
    {
        lock (milliseconds)
        {
            var sorted = milliseconds.Order().ToArray();
            var rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
            return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
        }
    }
}
