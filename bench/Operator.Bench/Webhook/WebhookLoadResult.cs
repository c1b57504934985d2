namespace Paas.Bench.Webhook;

/// <summary>What one webhook load run measured.</summary>
public sealed record WebhookLoadResult(int Concurrency, int Requests, int Failures, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds);
