using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>A report of something that happened to an object, shown by <c>kubectl describe</c> (events.k8s.io/v1 Event).</summary>
public sealed record Event : IKubernetesObject<Event>
{
    public static ResourceType Resource { get; } = new("events.k8s.io", "v1", "Event", "events", Namespaced: true);

    public string? ApiVersion { get; init; } = "events.k8s.io/v1";

    public string? Kind { get; init; } = "Event";

    public ObjectMeta Metadata { get; init; } = new();

    /// <summary>When the event first happened; required by the API.</summary>
    [JsonConverter(typeof(MicroTimeJsonConverter))]
    public DateTimeOffset EventTime { get; init; }

    /// <summary>Set when the same event repeats; absent for a singleton.</summary>
    public EventSeries? Series { get; init; }

    /// <summary>The controller that emitted the event, e.g. <c>paas.example.com/app-controller</c>.</summary>
    public string? ReportingController { get; init; }

    /// <summary>The instance of that controller, e.g. the pod name.</summary>
    public string? ReportingInstance { get; init; }

    /// <summary>What was done or failed, e.g. <c>Reconcile</c>.</summary>
    public string? Action { get; init; }

    /// <summary>A short machine-readable reason in UpperCamelCase, e.g. <c>ReleaseCreated</c>.</summary>
    public string? Reason { get; init; }

    public ObjectReference? Regarding { get; init; }

    public ObjectReference? Related { get; init; }

    /// <summary>Human-readable text, at most 1 kB.</summary>
    public string? Note { get; init; }

    /// <summary><c>Normal</c> or <c>Warning</c>.</summary>
    public string? Type { get; init; }
}
