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
    private readonly IDynamicKubeClient client;
    private readonly JsonSerializerOptions json;

    public StatusWriter(KubeClient client)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client.Dynamic;
        json = client.JsonOptions;
    }

    /// <summary>Applies <paramref name="desiredStatus"/> to <paramref name="live"/>'s status; returns true when it sent a request.</summary>
    public async Task<bool> WriteAsync<T, TStatus>(T live, TStatus desiredStatus, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(live);
        var liveStatus = JsonSerializer.SerializeToNode(live, json)?["status"] as JsonObject;
        var desired = JsonSerializer.SerializeToNode(desiredStatus, json) as JsonObject ?? new JsonObject();
        KeepTransitionTimes(desired, liveStatus);
        if (liveStatus is not null && Covers(liveStatus, desired))
        {
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
        return true;
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
