using System.Net.Sockets;
using Polly;
using Polly.Retry;

namespace Kube.Client;

/// <summary>
/// The retry pipeline for API requests. It retries 5xx answers, dropped connections, timeouts and 429 (after
/// <c>Retry-After</c>), never other 4xx or TLS failures, and a POST only when it provably never reached the server.
/// </summary>
internal static class KubeResilience
{
    public static readonly ResiliencePropertyKey<KubeRequest> RequestKey = new("kube.request");

    private static readonly HashSet<int> RetriedStatusCodes = [429, 500, 502, 503, 504];

    public static ResiliencePipeline<HttpResponseMessage> Build(KubeRetryOptions options)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { TimeProvider = options.TimeProvider };
        if (options.MaxAttempts <= 1)
        {
            return builder.Build();
        }

        return builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            MaxRetryAttempts = options.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BaseDelay,
            MaxDelay = options.MaxDelay,
            ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, args.Context)),
            DelayGenerator = args => ValueTask.FromResult(ServerRequestedDelay(args.Outcome, options)),
            OnRetry = args =>
            {
                options.OnRetry?.Invoke(new KubeRetryAttempt(
                    args.Context.Properties.GetValue(RequestKey, null!)?.ToString() ?? "request",
                    args.AttemptNumber,
                    args.RetryDelay,
                    args.Outcome.Result is { } response ? (int)response.StatusCode : null,
                    args.Outcome.Exception));
                return ValueTask.CompletedTask;
            },
        }).Build();
    }

    internal static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, ResilienceContext context)
    {
        var idempotent = context.Properties.GetValue(RequestKey, null!)?.IsIdempotent ?? false;
        return outcome switch
        {
            { Result: { } response } => (int)response.StatusCode switch
            {
                // 429 comes from API priority and fairness before the request is processed, so even a POST may repeat.
                429 => true,
                var code => idempotent && RetriedStatusCodes.Contains(code),
            },
            // A certificate the client does not trust will not become trusted by asking again.
            { Exception: HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } } => false,
            { Exception: HttpRequestException e } => idempotent || NeverConnected(e),
            { Exception: IOException } => idempotent,
            { Exception: OperationCanceledException } => idempotent && !context.CancellationToken.IsCancellationRequested,
            _ => false,
        };
    }

    private static bool NeverConnected(HttpRequestException exception) =>
        exception.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
        || exception.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused };

    private static TimeSpan? ServerRequestedDelay(Outcome<HttpResponseMessage> outcome, KubeRetryOptions options)
    {
        if (outcome.Result is not { } response || KubeErrors.RetryAfter(response, options.TimeProvider) is not { } wait)
        {
            return null;
        }

        return wait < options.MaxRetryAfter ? wait : options.MaxRetryAfter;
    }
}
