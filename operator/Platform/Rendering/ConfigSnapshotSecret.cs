using System.Text;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Paas.Platform.Rendering;

/// <summary>The immutable Secret that holds one distinct config of an App, shared by every Release that runs with it.</summary>
public static class ConfigSnapshotSecret
{
    /// <summary>The <c>app.kubernetes.io/component</c> value of a config snapshot Secret.</summary>
    public const string Component = "config";

    /// <summary>
    /// The Secret for <paramref name="snapshot"/>, named by its hash (<see cref="ConfigSnapshot.SecretNameFor"/>, what the
    /// ledger records in <c>spec.config.secretName</c>). No release label: equal config reuses one Secret across releases
    /// and rollbacks. Values go in <c>data</c> rather than <c>stringData</c>, which the API server never returns, so a
    /// comparison with the live object would always differ.
    /// </summary>
    public static Secret Render(string app, string? @namespace, ConfigSnapshot snapshot, OwnerReference? owner = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(app);
        ArgumentNullException.ThrowIfNull(snapshot);
        var data = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in snapshot.Values)
        {
            data[key] = Encoding.UTF8.GetBytes(value);
        }

        var labels = Maps.Sorted(
            (PaasLabels.App, app),
            (WorkloadLabels.Name, app),
            (WorkloadLabels.Component, Component),
            (WorkloadLabels.ManagedBy, WorkloadLabels.ManagedByValue));
        var annotations = Maps.Sorted((PaasAnnotations.ConfigHash, snapshot.Hash));
        return new Secret
        {
            Metadata = ObjectMetadata.For(snapshot.SecretNameFor(app), @namespace, labels, owner, annotations),
            Type = "Opaque",
            Immutable = true,
            Data = data,
        };
    }
}
