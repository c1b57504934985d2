using System.Diagnostics.Metrics;
using Paas.Host.Metrics;

namespace Paas.Host.Tests.Metrics;

public sealed class PrometheusExporterTests : IDisposable
{
    private readonly Meter meter = new("Paas.Test." + Guid.NewGuid().ToString("N"));

    [Fact]
    public void Counters_up_down_counters_histograms_and_observable_instruments_are_written_as_prometheus_text()
    {
        using var exporter = new PrometheusExporter(meter.Name);
        var requests = meter.CreateCounter<long>("paas.test.requests", "{request}", "Requests served.");
        var depth = meter.CreateUpDownCounter<int>("paas.test.queue.depth", "{item}", "Items waiting.");
        var duration = meter.CreateHistogram("paas.test.duration", "s", "Time per call.", tags: null, new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 1] });
        meter.CreateObservableGauge("paas.test.leader", () => 1, unit: "1", description: "1 while leading.");
        meter.CreateObservableCounter("paas.test.bytes-sent", () => new Measurement<long>(2048, new KeyValuePair<string, object?>("peer", "a")), "By", "Bytes sent.");

        requests.Add(2, new("controller", "app"), new("result", "success"));
        requests.Add(1, new("controller", "app"), new("result", "error"));
        requests.Add(3, new("result", "success"), new("controller", "app"));
        depth.Add(3);
        depth.Add(-1);
        duration.Record(0.0625, new KeyValuePair<string, object?>("controller", "app"));
        duration.Record(0.5, new KeyValuePair<string, object?>("controller", "app"));
        duration.Record(2, new KeyValuePair<string, object?>("controller", "app"));

        exporter.Scrape().Should().Be("""
            # HELP paas_test_bytes_sent_bytes_total Bytes sent.
            # TYPE paas_test_bytes_sent_bytes_total counter
            paas_test_bytes_sent_bytes_total{peer="a"} 2048
            # HELP paas_test_duration_seconds Time per call.
            # TYPE paas_test_duration_seconds histogram
            paas_test_duration_seconds_bucket{controller="app",le="0.1"} 1
            paas_test_duration_seconds_bucket{controller="app",le="1"} 2
            paas_test_duration_seconds_bucket{controller="app",le="+Inf"} 3
            paas_test_duration_seconds_sum{controller="app"} 2.5625
            paas_test_duration_seconds_count{controller="app"} 3
            # HELP paas_test_leader 1 while leading.
            # TYPE paas_test_leader gauge
            paas_test_leader 1
            # HELP paas_test_queue_depth Items waiting.
            # TYPE paas_test_queue_depth gauge
            paas_test_queue_depth 2
            # HELP paas_test_requests_total Requests served.
            # TYPE paas_test_requests_total counter
            paas_test_requests_total{controller="app",result="error"} 1
            paas_test_requests_total{controller="app",result="success"} 5

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Label_values_and_help_are_escaped_and_names_sanitised()
    {
        using var exporter = new PrometheusExporter(meter.Name);
        var counter = meter.CreateCounter<long>("http.server/requests-served", unit: null, description: "Line one\nback\\slash \"quoted\"");

        counter.Add(1, new KeyValuePair<string, object?>("url.path", "a\"b\\c\nd"), new KeyValuePair<string, object?>("9lives", null));

        exporter.Scrape().Should().Be("""
            # HELP http_server_requests_served_total Line one\nback\\slash "quoted"
            # TYPE http_server_requests_served_total counter
            http_server_requests_served_total{_9lives="",url_path="a\"b\\c\nd"} 1

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Histograms_without_advice_use_prometheus_default_buckets_and_observations_land_in_the_first_bucket_that_holds_them()
    {
        using var exporter = new PrometheusExporter(meter.Name);
        var histogram = meter.CreateHistogram<double>("paas.test.wait", "ms");

        histogram.Record(0.005);
        histogram.Record(7);

        var lines = exporter.Scrape().Split('\n');
        lines.Should().Contain("paas_test_wait_milliseconds_bucket{le=\"0.005\"} 1")
            .And.Contain("paas_test_wait_milliseconds_bucket{le=\"5\"} 1")
            .And.Contain("paas_test_wait_milliseconds_bucket{le=\"10\"} 2")
            .And.Contain("paas_test_wait_milliseconds_bucket{le=\"+Inf\"} 2")
            .And.Contain("paas_test_wait_milliseconds_count 2");
        lines.Count(line => line.StartsWith("paas_test_wait_milliseconds_bucket", StringComparison.Ordinal))
            .Should().Be(PrometheusExporter.DefaultBuckets.Count + 1);
    }

    [Fact]
    public void Gauges_report_their_last_value_and_special_numbers_are_spelled_as_prometheus_reads_them()
    {
        using var exporter = new PrometheusExporter(meter.Name);
        var temperature = meter.CreateGauge<double>("paas.test.temperature");
        meter.CreateObservableGauge("paas.test.ceiling", () => double.PositiveInfinity);

        temperature.Record(21.5);
        temperature.Record(-3.25);

        var text = exporter.Scrape();
        text.Should().Contain("paas_test_temperature -3.25\n").And.Contain("paas_test_ceiling +Inf\n");
    }

    [Fact]
    public void Only_the_selected_meters_are_exported()
    {
        using var other = new Meter("Other." + Guid.NewGuid().ToString("N"));
        using var exporter = new PrometheusExporter(meter.Name);
        other.CreateCounter<long>("other.calls").Add(1);
        meter.CreateCounter<long>("paas.test.calls").Add(1);

        var text = exporter.Scrape();

        text.Should().Contain("paas_test_calls_total 1").And.NotContain("other_calls");
    }

    [Theory]
    [InlineData("kube_runtime.reconcile.duration", "s", false, "kube_runtime_reconcile_duration_seconds")]
    [InlineData("kube_runtime.queue.adds", "{item}", true, "kube_runtime_queue_adds_total")]
    [InlineData("process.memory", "By", false, "process_memory_bytes")]
    [InlineData("requests_total", null, true, "requests_total")]
    [InlineData("latency_seconds", "s", false, "latency_seconds")]
    [InlineData("rate", "1/s", false, "rate_1_per_s")]
    public void Names_get_the_unit_as_suffix_and_counters_end_in_total(string name, string? unit, bool counter, string expected)
    {
        PrometheusNames.Metric(name, unit, counter).Should().Be(expected);
    }

    public void Dispose() => meter.Dispose();
}
