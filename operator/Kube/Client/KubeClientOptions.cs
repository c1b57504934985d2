using System.Text.Json.Serialization.Metadata;

namespace Kube.Client;

/// <summary>How a <see cref="KubeClient"/> serializes, times out and retries.</summary>
public sealed record KubeClientOptions
{
    /// <summary>Source-generated JSON contexts for the caller's own types (e.g. paas.dev kinds), besides Kube.Models'.</summary>
    public IReadOnlyList<IJsonTypeInfoResolver> JsonResolvers { get; init; } = [];

    /// <summary>The limit for one attempt of an ordinary request; watches have none.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public KubeRetryOptions Retry { get; init; } = new();

    /// <summary>Sent as <c>fieldManager</c> on create, replace and merge patch, so managedFields name us; apply names its own.</summary>
    public string? DefaultFieldManager { get; init; }

    /// <summary>Sent as <c>User-Agent</c>, so audit logs say who called.</summary>
    public string UserAgent { get; init; } = "paas-operator-kube/1.0";

    /// <summary>
    /// Leave <c>metadata.managedFields</c> out of objects read by list and watch (get, create, apply and patch answers
    /// keep them). Informer caches never need them, and for objects applied with server-side apply they are most of
    /// each object's memory; controller-runtime users strip them the same way.
    /// </summary>
    public bool OmitManagedFieldsFromListsAndWatches { get; init; }
}
