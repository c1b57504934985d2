namespace Paas.Bench.Webhook;

/// <summary>The <c>webhook</c> entry of make bench: 32 concurrent clients for 10 s, the reference load.</summary>
internal sealed class WebhookLatencyBenchmark(int concurrency = 32, int seconds = 10) : IBenchmark
{
    public string Name => "webhook";

    public async Task<IReadOnlyList<Measurement>> RunAsync(CancellationToken cancellationToken)
    {
        var result = await WebhookBenchmark.RunAsync(concurrency, TimeSpan.FromSeconds(seconds), cancellationToken);
        var conditions = $"{concurrency} concurrent clients, {seconds} s, HTTP/2 over TLS on 127.0.0.1, App CREATE review, {result.Requests:N0} requests, {result.Failures} not allowed";
        return
        [
            new("webhook", "validating review latency p50", result.P50Milliseconds, "ms", conditions),
            new("webhook", "validating review latency p99 (target <= 5 ms)", result.P99Milliseconds, "ms", conditions),
            new("webhook", "validating reviews per second", result.RequestsPerSecond, "requests/s", conditions),
        ];
    }
}
