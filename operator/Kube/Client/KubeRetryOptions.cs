namespace Kube.Client;

/// <summary>How transient failures are retried: exponential backoff with jitter, bounded in attempts and delay.</summary>
public sealed record KubeRetryOptions
{
    /// <summary>Attempts in all, the first one included; 1 disables retries.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>The first backoff delay; later ones double, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(200);

    /// <summary>No backoff delay is longer than this.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>A server's <c>Retry-After</c> is honoured up to this long.</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>The clock the delays run on; tests pass one that does not really wait.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Called before each retry, e.g. to log it.</summary>
    public Action<KubeRetryAttempt>? OnRetry { get; init; }
}

/// <summary>A retry about to happen: which request, why, and after how long.</summary>
/// <param name="Request">Method and path, e.g. <c>GET /api/v1/namespaces/a/configmaps/b</c>.</param>
/// <param name="AttemptNumber">The failed attempt, counted from 0.</param>
/// <param name="Delay">The wait before the next attempt, as computed (backoff or Retry-After).</param>
/// <param name="StatusCode">The failed response's status, or null when the attempt threw.</param>
/// <param name="Exception">What the attempt threw, if it threw.</param>
public sealed record KubeRetryAttempt(string Request, int AttemptNumber, TimeSpan Delay, int? StatusCode, Exception? Exception);
