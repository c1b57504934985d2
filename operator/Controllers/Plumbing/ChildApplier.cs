using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Controllers.Plumbing;

/// <summary>
/// Applies an owner's desired children with server-side apply (field manager <c>paas-operator</c>, forced, because the
/// operator is the authority on the fields it sets), adding the controller owner reference; it writes nothing when the
/// live object from the cache already carries the desired object's hash.
/// </summary>
/// <remarks>
/// The hash trades drift correction for zero writes: a field the operator owns that someone else edits by hand is put
/// back only when the desired object next changes. Fields other managers own (an HPA's replicas) are never touched.
/// </remarks>
public sealed class ChildApplier
{
    /// <summary>How long a sent object is trusted to be on its way into the cache; after that it is sent again.</summary>
    private static readonly TimeSpan CacheLag = TimeSpan.FromSeconds(10);

    private readonly IDynamicKubeClient client;
    private readonly JsonSerializerOptions json;
    private readonly ConcurrentDictionary<string, Sent>? sent;
    private readonly TimeProvider time;

    /// <param name="client">The client; its serializer options turn typed children into JSON.</param>
    /// <param name="rememberSent">
    /// Do not send an object again while the cache still shows what it showed when that object was sent: the cache
    /// lags the operator's own writes by a moment, and a reconcile in between would repeat the write (for a
    /// Deployment, announcing its rollout twice). Trusted for 10 s, then the object is sent again.
    /// </param>
    /// <param name="time">The clock behind that trust; the system clock when null.</param>
    public ChildApplier(KubeClient client, bool rememberSent = false, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.client = client.Dynamic;
        json = client.JsonOptions;
        sent = rememberSent ? new ConcurrentDictionary<string, Sent>(StringComparer.Ordinal) : null;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Applies a typed child; returns true when it sent a request.</summary>
    public Task<bool> ApplyAsync<T>(IKubernetesObject owner, T desired, T? live, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(desired);
        var node = JsonSerializer.SerializeToNode(desired, json)?.AsObject()
            ?? throw new ArgumentException("The desired object serialized to null.", nameof(desired));
        return ApplyAsync(owner, T.Resource, node, live?.Metadata, cancellationToken);
    }

    /// <summary>Applies a child given as JSON; <paramref name="live"/> is the cached object's metadata, null when absent.</summary>
    public async Task<bool> ApplyAsync(IKubernetesObject owner, ResourceType type, JsonObject desired, ObjectMeta? live, CancellationToken cancellationToken)
    {
        var body = Prepare(owner, type, desired);
        var hash = (string?)body["metadata"]!["annotations"]![PaasAnnotations.DesiredHash];
        var key = $"{type.ApiVersion}/{type.Kind}/{body["metadata"]!["namespace"]}/{body["metadata"]!["name"]}";
        if (live?.Annotations?.GetValueOrDefault(PaasAnnotations.DesiredHash) == hash && live is not null)
        {
            sent?.TryRemove(key, out _);
            return false;
        }

        var now = time.GetUtcNow();
        if (sent is not null && sent.TryGetValue(key, out var earlier)
            && earlier.Hash == hash && earlier.CachedVersion == live?.ResourceVersion && now - earlier.At < CacheLag)
        {
            return false;
        }

        await client.ApplyAsync(type, body, new ApplyOptions(OperatorFieldManager.Name, Force: true), cancellationToken: cancellationToken);
        if (sent is not null)
        {
            sent[key] = new Sent(hash, live?.ResourceVersion, now);
            if (sent.Count > 4096)
            {
                foreach (var (stale, _) in sent.Where(pair => now - pair.Value.At >= CacheLag))
                {
                    sent.TryRemove(stale, out _);
                }
            }
        }

        return true;
    }

    /// <summary>An object sent with <paramref name="Hash"/> while the cache showed <paramref name="CachedVersion"/> (null: absent).</summary>
    private sealed record Sent(string? Hash, string? CachedVersion, DateTimeOffset At);

    /// <summary>The apply body: the desired object with apiVersion, kind, owner reference and hash annotation set.</summary>
    internal static JsonObject Prepare(IKubernetesObject owner, ResourceType type, JsonObject desired)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(desired);
        var body = desired.DeepClone().AsObject();
        body["apiVersion"] = type.ApiVersion;
        body["kind"] = type.Kind;
        body.Remove("status");
        var metadata = body["metadata"] as JsonObject ?? new JsonObject();
        body["metadata"] = metadata;
        foreach (var serverOwned in new[] { "resourceVersion", "uid", "generation", "creationTimestamp", "managedFields" })
        {
            metadata.Remove(serverOwned);
        }

        metadata["ownerReferences"] = new JsonArray(new JsonObject
        {
            ["apiVersion"] = owner.ApiVersion,
            ["kind"] = owner.Kind,
            ["name"] = owner.Metadata.Name,
            ["uid"] = owner.Metadata.Uid ?? throw new ArgumentException("The owner has no metadata.uid; read it from the API server first.", nameof(owner)),
            ["controller"] = true,
            ["blockOwnerDeletion"] = true,
        });
        var annotations = metadata["annotations"] as JsonObject ?? new JsonObject();
        metadata["annotations"] = annotations;
        annotations.Remove(PaasAnnotations.DesiredHash);
        annotations[PaasAnnotations.DesiredHash] = CanonicalJson.Hash(body);
        return body;
    }
}
