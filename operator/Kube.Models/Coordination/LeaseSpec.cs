using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>Who holds a lease and until when it counts as renewed (coordination.k8s.io/v1 LeaseSpec).</summary>
public sealed record LeaseSpec
{
    public string? HolderIdentity { get; init; }

    public int? LeaseDurationSeconds { get; init; }

    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? AcquireTime { get; init; }

    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset? RenewTime { get; init; }

    public int? LeaseTransitions { get; init; }
}
