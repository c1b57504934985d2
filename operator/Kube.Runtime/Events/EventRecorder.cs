using System.Globalization;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Kube.Runtime.Events;

/// <summary>
/// Writes events.k8s.io/v1 Events from a bounded queue on its own loop (<see cref="RunAsync"/>). A repeat of the same
/// (object, type, reason, note) within the aggregation window patches the first event's <c>series</c> (count and
/// last observed time) instead of creating another. Under a flood, events beyond the capacity are dropped and counted.
/// </summary>
public sealed class EventRecorder : IEventRecorder
{
    private const int MaxNoteLength = 1024;

    private readonly IKubeClient client;
    private readonly EventRecorderOptions options;
    private readonly ILogger logger;
    private readonly TimeProvider time;
    private readonly RuntimeMetrics? metrics;
    private readonly Channel<EventRequest> pending;
    private readonly Dictionary<SeriesKey, SeriesEntry> recent = [];
    private long dropped;
    private long sequence;

    public EventRecorder(IKubeClient client, EventRecorderOptions options, ILogger? logger = null, TimeProvider? timeProvider = null, RuntimeMetrics? metrics = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.options = options ?? throw new ArgumentNullException(nameof(options));
        this.logger = logger ?? NullLogger.Instance;
        time = timeProvider ?? TimeProvider.System;
        this.metrics = metrics;
        pending = Channel.CreateBounded<EventRequest>(new BoundedChannelOptions(options.Capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>Events dropped because the queue was full or writing them failed.</summary>
    public long Dropped => Interlocked.Read(ref dropped);

    public void Record(IKubernetesObject regarding, EventType type, string reason, string action, string note)
    {
        try
        {
            var request = new EventRequest(Reference(regarding), type, reason, action, Truncate(note), time.GetUtcNow());
            if (!pending.Writer.TryWrite(request))
            {
                CountDropped("queue full");
            }
        }
#pragma warning disable CA1031 // Recording an event must never fail the caller's work.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not queue event {Reason}", reason);
            CountDropped("invalid");
        }
    }

    /// <summary>
    /// Writes queued events until cancelled, then for up to <see cref="EventRecorderOptions.ShutdownFlushTimeout"/>
    /// writes what is still queued, so events recorded during a graceful drain are not lost.
    /// </summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var request in pending.Reader.ReadAllAsync(cancellationToken))
            {
                await WriteAsync(request, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }

        using var flush = new CancellationTokenSource(options.ShutdownFlushTimeout, time);
        try
        {
            await FlushAsync(flush.Token);
        }
        catch (OperationCanceledException) when (flush.IsCancellationRequested)
        {
            logger.LogWarning("Gave up writing the remaining events after {FlushTimeout}", options.ShutdownFlushTimeout);
        }
    }

    /// <summary>Writes what is queued now; for tests that do not run <see cref="RunAsync"/>.</summary>
    internal async Task FlushAsync(CancellationToken cancellationToken)
    {
        while (pending.Reader.TryRead(out var request))
        {
            await WriteAsync(request, cancellationToken);
        }
    }

    private async Task WriteAsync(EventRequest request, CancellationToken cancellationToken)
    {
        var key = new SeriesKey(request.Regarding.Uid ?? $"{request.Regarding.Kind}/{request.Regarding.Namespace}/{request.Regarding.Name}", request.Type, request.Reason, request.Note);
        try
        {
            if (recent.TryGetValue(key, out var entry) && request.At - entry.LastObserved < options.AggregationWindow)
            {
                if (await TryIncrementSeriesAsync(key, entry, request.At, cancellationToken))
                {
                    return;
                }
            }

            var created = await client.CreateAsync(NewEvent(request), cancellationToken);
            Remember(key, new SeriesEntry(created.Metadata.Namespace ?? EventNamespace(request), created.Metadata.Name!, 1, request.At));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A failed event is logged and counted, never retried into a storm.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            logger.LogWarning(ex, "Could not write event {Reason} about {Kind} {Name}", request.Reason, request.Regarding.Kind, request.Regarding.Name);
            CountDropped("write failed");
        }
    }

    private async Task<bool> TryIncrementSeriesAsync(SeriesKey key, SeriesEntry entry, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var count = entry.Count + 1;
        var patch = new JsonObject
        {
            ["series"] = new JsonObject
            {
                ["count"] = count,
                ["lastObservedTime"] = MicroTimeJsonConverter.Format(at),
            },
        };
        try
        {
            await client.MergePatchAsync<Event>(entry.Name, entry.Namespace, patch, cancellationToken: cancellationToken);
            recent[key] = entry with { Count = count, LastObserved = at };
            return true;
        }
        catch (NotFoundException)
        {
            // The event expired on the server (its TTL is an hour by default); start a new one.
            recent.Remove(key);
            return false;
        }
    }

    private void Remember(SeriesKey key, SeriesEntry entry)
    {
        recent[key] = entry;
        if (recent.Count <= options.MaxRememberedEvents)
        {
            return;
        }

        // Forget the older half in one sweep, so remembering stays cheap under a stream of distinct events.
        var cutoff = recent.Values.Select(value => value.LastObserved).Order().ElementAt(recent.Count / 2);
        foreach (var stale in recent.Where(pair => pair.Value.LastObserved <= cutoff).Select(pair => pair.Key).ToList())
        {
            recent.Remove(stale);
        }
    }

    private Event NewEvent(EventRequest request) => new()
    {
        Metadata = new ObjectMeta
        {
            Name = EventName(request),
            Namespace = EventNamespace(request),
        },
        EventTime = request.At,
        Type = request.Type.ToString(),
        Reason = request.Reason,
        Action = request.Action,
        Note = request.Note,
        Regarding = request.Regarding,
        ReportingController = options.ReportingController,
        ReportingInstance = options.ReportingInstance,
    };

    private string EventName(EventRequest request)
    {
        var unique = ((request.At - DateTimeOffset.UnixEpoch).Ticks * 100) + Interlocked.Increment(ref sequence);
        var prefix = request.Regarding.Name ?? "object";
        return $"{(prefix.Length > 200 ? prefix[..200] : prefix)}.{unique.ToString("x", CultureInfo.InvariantCulture)}";
    }

    private static string EventNamespace(EventRequest request) =>
        string.IsNullOrEmpty(request.Regarding.Namespace) ? "default" : request.Regarding.Namespace;

    private static ObjectReference Reference(IKubernetesObject obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return new ObjectReference
        {
            ApiVersion = obj.ApiVersion,
            Kind = obj.Kind,
            Namespace = obj.Metadata.Namespace,
            Name = obj.Metadata.Name,
            Uid = obj.Metadata.Uid,
            ResourceVersion = obj.Metadata.ResourceVersion,
        };
    }

    private static string Truncate(string note) => note.Length <= MaxNoteLength ? note : note[..MaxNoteLength];

    private void CountDropped(string why)
    {
        Interlocked.Increment(ref dropped);
        metrics?.EventsDropped.Add(1, new KeyValuePair<string, object?>("why", why));
    }

    private sealed record EventRequest(ObjectReference Regarding, EventType Type, string Reason, string Action, string Note, DateTimeOffset At);

    private readonly record struct SeriesKey(string Regarding, EventType Type, string Reason, string Note);

    private sealed record SeriesEntry(string Namespace, string Name, int Count, DateTimeOffset LastObserved);
}
