using System.Globalization;
using System.Text.Json;
using Kube.Models;

namespace Kube.Client;

/// <summary>Turns a failed response into the typed exception for its status code and <c>Status</c> reason.</summary>
internal static class KubeErrors
{
    private const int ExcerptLength = 300;

    public static async Task<KubeApiException> FromResponseAsync(HttpResponseMessage response, KubeRequest request, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var code = (int)response.StatusCode;
        var status = ParseStatus(body) ?? new Status
        {
            Kind = "Status",
            StatusValue = "Failure",
            Code = code,
            Reason = response.StatusCode.ToString(),
            Message = $"{request}: HTTP {code.ToString(CultureInfo.InvariantCulture)} {response.ReasonPhrase}{Excerpt(body)}",
        };
        return FromStatus(code, status, RetryAfter(response) ?? RetryAfter(status));
    }

    public static KubeApiException FromStatus(int code, Status status, TimeSpan? retryAfter = null) => code switch
    {
        401 => new UnauthorizedException(status),
        403 => new ForbiddenException(status),
        404 => new NotFoundException(status),
        409 when status.Reason == "AlreadyExists" => new AlreadyExistsException(status),
        409 => new ConflictException(status),
        410 => new GoneException(status),
        422 => new InvalidException(status),
        429 => new TooManyRequestsException(status, retryAfter),
        _ => new KubeApiException(code, status),
    };

    /// <summary>The server's <c>Retry-After</c> as a delay: delta seconds or an HTTP date.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage response, TimeProvider? clock = null)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        if (header?.Date is { } date)
        {
            var wait = date - (clock ?? TimeProvider.System).GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }

        return null;
    }

    private static TimeSpan? RetryAfter(Status status) =>
        status.Details?.RetryAfterSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null;

    private static Status? ParseStatus(string body)
    {
        if (body.Length == 0 || body[0] != '{')
        {
            return null;
        }

        try
        {
            var status = JsonSerializer.Deserialize(body, KubeJsonContext.Default.Status);
            return status is { Kind: "Status" } ? status : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Excerpt(string body)
    {
        var trimmed = body.Trim();
        return trimmed.Length == 0 ? string.Empty
            : trimmed.Length <= ExcerptLength ? ": " + trimmed
            : ": " + trimmed[..ExcerptLength] + "…";
    }
}
