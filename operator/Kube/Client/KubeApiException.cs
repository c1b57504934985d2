using Kube.Models;

namespace Kube.Client;

/// <summary>The API server refused a request; <see cref="Status"/> is the server's own explanation.</summary>
public class KubeApiException(int statusCode, Status status, string? message = null)
    : Exception(message ?? status.Message ?? $"Kubernetes API error {statusCode}")
{
    public int StatusCode { get; } = statusCode;

    public Status Status { get; } = status;

    /// <summary>The machine-readable reason, e.g. <c>NotFound</c> or <c>Conflict</c>.</summary>
    public string? Reason => Status.Reason;
}

/// <summary>404: the object does not exist.</summary>
public sealed class NotFoundException(Status status) : KubeApiException(404, status);

/// <summary>409 Conflict: a stale resourceVersion, or an apply conflict with another field manager.</summary>
public sealed class ConflictException(Status status) : KubeApiException(409, status);

/// <summary>409 AlreadyExists: a create for a name that is taken.</summary>
public sealed class AlreadyExistsException(Status status) : KubeApiException(409, status);

/// <summary>410 Gone: the resourceVersion is too old; relist.</summary>
public sealed class GoneException(Status status) : KubeApiException(410, status);

/// <summary>422 Invalid: the object failed validation; <see cref="Causes"/> names the fields.</summary>
public sealed class InvalidException(Status status) : KubeApiException(422, status)
{
    public IReadOnlyList<StatusCause> Causes => Status.Details?.Causes ?? [];
}

/// <summary>403: the credentials may not do this.</summary>
public sealed class ForbiddenException(Status status) : KubeApiException(403, status);

/// <summary>429: the server asks the client to slow down.</summary>
public sealed class TooManyRequestsException(Status status, TimeSpan? retryAfter) : KubeApiException(429, status)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>401: the credentials are missing, expired or wrong.</summary>
public sealed class UnauthorizedException(Status status) : KubeApiException(401, status);
