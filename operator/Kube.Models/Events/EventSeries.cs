using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>How often an event has repeated and when it was last seen (events.k8s.io/v1 EventSeries).</summary>
public sealed record EventSeries
{
    public int Count { get; init; }

    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset LastObservedTime { get; init; }
}
