using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;

namespace Kube.Runtime.Finalizers;

/// <summary>
/// Adds and removes finalizers with a JSON merge patch of <c>metadata.finalizers</c> that carries the object's
/// <c>resourceVersion</c>: a merge patch replaces the whole list, so the precondition makes a concurrent change fail
/// with 409 Conflict (retry from a fresh read) instead of silently dropping someone else's finalizer. Never a full update.
/// </summary>
public static class FinalizerExtensions
{
    /// <summary>Adds the finalizer unless present; returns the object as the server now has it (or as given, if unchanged).</summary>
    /// <exception cref="ConflictException">The object changed since it was read.</exception>
    public static async Task<T> EnsureFinalizerAsync<T>(this IKubeClient client, T obj, string finalizer, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        var finalizers = obj.Metadata.Finalizers ?? [];
        if (finalizers.Contains(finalizer))
        {
            return obj;
        }

        return await PatchFinalizersAsync(client, obj, [.. finalizers, finalizer], cancellationToken);
    }

    /// <summary>Removes the finalizer if present; returns the object as the server now has it (or as given, if unchanged).</summary>
    /// <exception cref="ConflictException">The object changed since it was read.</exception>
    public static async Task<T> RemoveFinalizerAsync<T>(this IKubeClient client, T obj, string finalizer, CancellationToken cancellationToken = default)
        where T : class, IKubernetesObject<T>
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(obj);
        ArgumentException.ThrowIfNullOrEmpty(finalizer);
        var finalizers = obj.Metadata.Finalizers ?? [];
        if (!finalizers.Contains(finalizer))
        {
            return obj;
        }

        return await PatchFinalizersAsync(client, obj, [.. finalizers.Where(existing => existing != finalizer)], cancellationToken);
    }

    public static bool HasFinalizer(this IKubernetesObject obj, string finalizer)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj.Metadata.Finalizers?.Contains(finalizer) == true;
    }

    /// <summary>The merge patch that sets the finalizer list, guarded by the object's resourceVersion.</summary>
    internal static JsonObject FinalizerPatch(IKubernetesObject obj, IReadOnlyList<string> finalizers)
    {
        var resourceVersion = obj.Metadata.ResourceVersion;
        if (string.IsNullOrEmpty(resourceVersion))
        {
            throw new ArgumentException(
                $"metadata.resourceVersion is empty on {obj.Kind} {obj.Metadata.Name}; pass the object as read from the API server so the patch can be guarded.",
                nameof(obj));
        }

        return new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = resourceVersion,
                ["finalizers"] = new JsonArray([.. finalizers.Select(f => (JsonNode)JsonValue.Create(f))]),
            },
        };
    }

    private static Task<T> PatchFinalizersAsync<T>(IKubeClient client, T obj, IReadOnlyList<string> finalizers, CancellationToken cancellationToken)
        where T : class, IKubernetesObject<T>
        => client.MergePatchAsync<T>(obj.Metadata.Name!, obj.Metadata.Namespace, FinalizerPatch(obj, finalizers), cancellationToken: cancellationToken);
}
