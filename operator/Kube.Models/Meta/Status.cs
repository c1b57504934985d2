using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>The API server's answer for failures and some deletes (metav1.Status).</summary>
public sealed record Status
{
    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    /// <summary><c>Success</c> or <c>Failure</c>.</summary>
    [JsonPropertyName("status")]
    public string? StatusValue { get; init; }

    public string? Message { get; init; }

    public string? Reason { get; init; }

    public StatusDetails? Details { get; init; }

    public int? Code { get; init; }
}

/// <summary>Extra detail about a failure, such as per-field causes (metav1.StatusDetails).</summary>
public sealed record StatusDetails
{
    public string? Name { get; init; }

    public string? Group { get; init; }

    public string? Kind { get; init; }

    public string? Uid { get; init; }

    public IReadOnlyList<StatusCause>? Causes { get; init; }

    public int? RetryAfterSeconds { get; init; }
}

/// <summary>One reason for a failure, usually a field and what is wrong with it (metav1.StatusCause).</summary>
public sealed record StatusCause
{
    public string? Reason { get; init; }

    public string? Message { get; init; }

    public string? Field { get; init; }
}
