using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace Paas.Host.Metrics;

/// <summary>
/// Collects System.Diagnostics.Metrics instruments with a <see cref="MeterListener"/> and writes them as Prometheus text
/// (format 0.0.4): counters (<c>_total</c>), up-down counters and gauges, histograms with buckets, <c>_sum</c> and
/// <c>_count</c>. Cumulative, like Prometheus itself; observable instruments are read at each scrape.
/// </summary>
public sealed class PrometheusExporter : IDisposable
{
    /// <summary>Prometheus' default buckets, used when an instrument gives no advice; they suit durations in seconds.</summary>
    public static readonly IReadOnlyList<double> DefaultBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    private readonly MeterListener listener = new();
    private readonly Func<Meter, bool> includes;
    private readonly ConcurrentDictionary<string, MetricFamily> byName = new(StringComparer.Ordinal);
    private readonly Lock scrapeLock = new();

    /// <summary>Exports every instrument of a meter for which <paramref name="includes"/> is true.</summary>
    public PrometheusExporter(Func<Meter, bool> includes)
    {
        this.includes = includes ?? throw new ArgumentNullException(nameof(includes));
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (this.includes(instrument.Meter) && Family(instrument) is { } family)
            {
                l.EnableMeasurementEvents(instrument, family);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, state) => OnMeasurement(i, value, tags, state));
        listener.SetMeasurementEventCallback<int>((i, value, tags, state) => OnMeasurement(i, value, tags, state));
        listener.SetMeasurementEventCallback<short>((i, value, tags, state) => OnMeasurement(i, value, tags, state));
        listener.SetMeasurementEventCallback<byte>((i, value, tags, state) => OnMeasurement(i, value, tags, state));
        listener.SetMeasurementEventCallback<double>((i, value, tags, state) => OnMeasurement(i, value, tags, state));
        listener.SetMeasurementEventCallback<float>((i, value, tags, state) => OnMeasurement(i, value, tags, state));
        listener.SetMeasurementEventCallback<decimal>((i, value, tags, state) => OnMeasurement(i, value, tags, (double)value, state));
        listener.Start();
    }

    /// <summary>Exports the meters whose names are listed, or that start with one of them followed by a dot.</summary>
    public PrometheusExporter(params string[] meterNames)
        : this(meter => meterNames.Any(name => meter.Name == name || meter.Name.StartsWith(name + ".", StringComparison.Ordinal)))
    {
    }

    /// <summary>The current values of every exported instrument, families sorted by name and series by labels.</summary>
    public string Scrape()
    {
        lock (scrapeLock)
        {
            listener.RecordObservableInstruments();
            var text = new StringBuilder();
            foreach (var family in byName.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            {
                family.WriteTo(text);
            }

            return text.ToString();
        }
    }

    public void Dispose() => listener.Dispose();

    private static void OnMeasurement<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags, object? state)
        where T : struct, IConvertible => OnMeasurement(instrument, value, tags, value.ToDouble(null), state);

    private static void OnMeasurement<T>(Instrument instrument, T _, ReadOnlySpan<KeyValuePair<string, object?>> tags, double value, object? state)
    {
        if (state is not MetricFamily family)
        {
            return;
        }

        var labels = LabelSet.From(tags);
        if (instrument.IsObservable || IsGauge(instrument))
        {
            family.Set(labels, value);
        }
        else
        {
            family.Record(labels, value);
        }
    }

    /// <summary>The family an instrument feeds; instruments of the same name (two meters of one name) share it. Null if its type clashes.</summary>
    private MetricFamily? Family(Instrument instrument)
    {
        var kind = instrument.GetType().GetGenericTypeDefinition().Name switch
        {
            "Counter`1" or "ObservableCounter`1" => "counter",
            "Histogram`1" => "histogram",
            "UpDownCounter`1" or "ObservableUpDownCounter`1" or "ObservableGauge`1" or "Gauge`1" => "gauge",
            _ => null,
        };
        if (kind is null)
        {
            return null;
        }

        var name = PrometheusNames.Metric(instrument.Name, instrument.Unit, counter: kind == "counter");
        var family = byName.GetOrAdd(name, _ => new MetricFamily(name, kind, instrument.Description, kind == "histogram" ? BucketsOf(instrument) : null));
        return family.Type == kind ? family : null;
    }

    private static IReadOnlyList<double> BucketsOf(Instrument instrument) => instrument switch
    {
        Histogram<double> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } => advised,
        Histogram<long> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } => [.. advised.Select(b => (double)b)],
        Histogram<int> { Advice.HistogramBucketBoundaries: { Count: > 0 } advised } => [.. advised.Select(b => (double)b)],
        _ => DefaultBuckets,
    };

    private static bool IsGauge(Instrument instrument) => instrument.GetType().GetGenericTypeDefinition().Name == "Gauge`1";
}
