using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;

namespace Paas.Controllers.Plumbing;

/// <summary>
/// Writes an object's status with server-side apply on the status subresource, and only when it differs from the
/// live status: a condition whose status did not change keeps its live lastTransitionTime, and fields other managers
/// added to the live status do not count as a difference.
/// </summary>
public sealed class StatusWriter
{
    /// <summary>How long a sent status is trusted to be on its way into the cache; after that it is sent again.</summary>
    private static readonly TimeSpan CacheLag = TimeSpan.FromSeconds(10);

    private readonly IDynamicKubeClient client;
    private readonly JsonSerializerOptions json;
    private readonly ConcurrentDictionary<string, SentStatus>? sent;
    private readonly TimeProvider time;
    private readonly OtherWritersStatus? otherWriters;

    /// <param name="client">The client; its serializer options turn typed status into JSON.</param>
    /// <param name="rememberSent">
    /// Do not send the same status again while the cache still shows the object as it was when that status was sent:
    /// the cache lags the operator's own writes by a moment, and a reconcile in between would repeat the write.
    /// Trusted for 10 s, then the status is sent again.
    /// </param>
    /// <param name="time">The clock behind that trust; the system clock when null.</param>
    /// <param name="otherWriters">Parts of the status another controller writes, never stated, compared or removed here.</param>
    public StatusWriter(KubeClient client, bool rememberSent = false, TimeProvider? time = null, OtherWritersStatus? otherWriters = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client.Dynamic;
        json = client.JsonOptions;
        sent = rememberSent ? new ConcurrentDictionary<string, SentStatus>(StringComparer.Ordinal) : null;
        this.time = time ?? TimeProvider.System;
        this.otherWriters = otherWriters;
    }

    /// <summary>Applies <paramref name="desiredStatus"/> to <paramref name="live"/>'s status; returns true when it sent a request.</summary>
    /// <param name="live">The object as cached.</param>
    /// <param name="desiredStatus">The whole status this field manager states.</param>
    /// <param name="cancellationToken">Cancels the request.</param>
    /// <param name="exact">
    /// Also remove what the live status has and the desired one lacks (a process type gone from a map). Use it only
    /// when the desired status is built on the live one, so that nothing another writer added is lost.
    /// </param>
    public async Task<bool> WriteAsync<T, TStatus>(T live, TStatus desiredStatus, CancellationToken cancellationToken, bool exact = false)
        where T : class, IKubernetesObject<T>
    {
        var (liveStatus, desired) = Compare(live, desiredStatus);
        if (AlreadySent(live, desired))
        {
            return false;
        }

        if (liveStatus is not null && Covers(liveStatus, desired))
        {
            // Apply removes a field only when no manager keeps it, and may keep an emptied map entry; a merge patch
            // removes exactly what is named. Nothing else differs here, so this is the only request.
            if (exact && Removals(liveStatus, desired) is { Count: > 0 } removals)
            {
                await client.MergePatchAsync(T.Resource, live.Metadata.Name!, live.Metadata.Namespace, new JsonObject { ["status"] = removals }, "status", cancellationToken);
                Remember(live, desired);
                return true;
            }

            return false;
        }

        var body = new JsonObject
        {
            ["apiVersion"] = T.Resource.ApiVersion,
            ["kind"] = T.Resource.Kind,
            ["metadata"] = new JsonObject { ["name"] = live.Metadata.Name, ["namespace"] = live.Metadata.Namespace },
            ["status"] = desired,
        };
        await client.ApplyAsync(T.Resource, body, new ApplyOptions(OperatorFieldManager.Name, Force: true), "status", cancellationToken);
        Remember(live, desired);
        return true;
    }

    /// <summary>True when <see cref="WriteAsync"/> would send a request for the same arguments.</summary>
    public bool Differs<T, TStatus>(T live, TStatus desiredStatus, bool exact = false)
        where T : class, IKubernetesObject<T>
    {
        var (liveStatus, desired) = Compare(live, desiredStatus);
        return !AlreadySent(live, desired)
            && (liveStatus is null || !Covers(liveStatus, desired) || (exact && Removals(liveStatus, desired).Count > 0));
    }

    private (JsonObject? LiveStatus, JsonObject Desired) Compare<T, TStatus>(T live, TStatus desiredStatus)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(live);
        var liveStatus = JsonSerializer.SerializeToNode(live, json)?["status"] as JsonObject;
        var desired = JsonSerializer.SerializeToNode(desiredStatus, json) as JsonObject ?? new JsonObject();
        otherWriters?.RemoveFrom(liveStatus);
        otherWriters?.RemoveFrom(desired);
        KeepTransitionTimes(desired, liveStatus);
        return (liveStatus, desired);
    }

    private static string KeyOf<T>(T live)
        where T : class, IKubernetesObject<T> => $"{T.Resource.ApiVersion}/{T.Resource.Kind}/{live.Metadata.Namespace}/{live.Metadata.Name}";

    // A condition's lastTransitionTime is "now" whenever the cached status lacks the transition, so it differs
    // between two reconciles that both see the stale cache; everything else must match.
    private bool AlreadySent<T>(T live, JsonObject desired)
        where T : class, IKubernetesObject<T>
    {
        if (sent is null || !sent.TryGetValue(KeyOf(live), out var earlier))
        {
            return false;
        }

        if (earlier.CachedVersion != live.Metadata.ResourceVersion || time.GetUtcNow() - earlier.At >= CacheLag)
        {
            // The cache has moved on (or the trust ran out): forget it, so only writes in flight are remembered.
            sent.TryRemove(new KeyValuePair<string, SentStatus>(KeyOf(live), earlier));
            return false;
        }

        return earlier.Hash == HashOf(desired);
    }

    private void Remember<T>(T live, JsonObject desired)
        where T : class, IKubernetesObject<T>
    {
        if (sent is null)
        {
            return;
        }

        var now = time.GetUtcNow();
        sent[KeyOf(live)] = new SentStatus(HashOf(desired), live.Metadata.ResourceVersion, now);
        if (sent.Count > 4096)
        {
            foreach (var (stale, _) in sent.Where(pair => now - pair.Value.At >= CacheLag))
            {
                sent.TryRemove(stale, out _);
            }
        }
    }

    /// <summary>The hash of a status without its conditions' transition times.</summary>
    private static string HashOf(JsonObject status)
    {
        var copy = status.DeepClone().AsObject();
        foreach (var condition in (copy["conditions"] as JsonArray)?.OfType<JsonObject>() ?? [])
        {
            condition.Remove("lastTransitionTime");
        }

        return CanonicalJson.Hash(copy);
    }

    /// <summary>A status sent (its <see cref="HashOf"/>) while the cache showed the object at <paramref name="CachedVersion"/>.</summary>
    private sealed record SentStatus(string Hash, string? CachedVersion, DateTimeOffset At);

    /// <summary>A merge patch that deletes the fields of <paramref name="live"/> that <paramref name="desired"/> lacks, object by object (lists are compared whole elsewhere).</summary>
    internal static JsonObject Removals(JsonObject live, JsonObject desired)
    {
        var patch = new JsonObject();
        foreach (var (key, value) in live)
        {
            if (!desired.TryGetPropertyValue(key, out var wanted) || wanted is null)
            {
                patch[key] = null;
            }
            else if (value is JsonObject liveChild && wanted is JsonObject desiredChild && Removals(liveChild, desiredChild) is { Count: > 0 } nested)
            {
                patch[key] = nested;
            }
        }

        return patch;
    }

    /// <summary>True when every field of <paramref name="desired"/> has the same value in <paramref name="live"/>.</summary>
    internal static bool Covers(JsonNode? live, JsonNode? desired) => (live, desired) switch
    {
        (JsonObject l, JsonObject d) => d.All(pair => l.TryGetPropertyValue(pair.Key, out var value) && Covers(value, pair.Value)),
        (JsonArray l, JsonArray d) => l.Count == d.Count && l.Zip(d).All(pair => Covers(pair.First, pair.Second)),
        (null, null) => true,
        (null, _) or (_, null) => false,
        _ => JsonNode.DeepEquals(live, desired) || SameInstant(live, desired),
    };

    private static bool SameInstant(JsonNode live, JsonNode desired) =>
        live is JsonValue l && desired is JsonValue d
        && l.TryGetValue<string>(out var left) && d.TryGetValue<string>(out var right)
        && DateTimeOffset.TryParse(left, System.Globalization.CultureInfo.InvariantCulture, out var a)
        && DateTimeOffset.TryParse(right, System.Globalization.CultureInfo.InvariantCulture, out var b)
        && a == b && left.Contains('T', StringComparison.Ordinal);

    private static void KeepTransitionTimes(JsonObject desired, JsonObject? live)
    {
        if (desired["conditions"] is not JsonArray wanted || live?["conditions"] is not JsonArray current)
        {
            return;
        }

        foreach (var condition in wanted.OfType<JsonObject>())
        {
            var same = current.OfType<JsonObject>().FirstOrDefault(c =>
                (string?)c["type"] == (string?)condition["type"] && (string?)c["status"] == (string?)condition["status"]);
            if (same?["lastTransitionTime"] is { } since)
            {
                condition["lastTransitionTime"] = since.DeepClone();
            }
        }
    }
}
