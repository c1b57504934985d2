using System.Globalization;
using System.Text;
using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Platform.Rendering;

/// <summary>The immutable Secret that holds the config vars of one Release.</summary>
public static class ConfigSnapshot
{
    /// <summary>Annotation that repeats <c>spec.config.hash</c> on the Secret, so the two can be compared.</summary>
    public const string HashAnnotation = "paas.dev/config-hash";

    /// <summary>The name used when creating a Release: <c>&lt;app&gt;-config-v&lt;N&gt;</c>.</summary>
    public static string DefaultSecretName(string app, int version) =>
        $"{app}-config-v{version.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>The snapshot's name: <c>spec.config.secretName</c>, or the default name when the Release has no config.</summary>
    public static string SecretName(Release release)
    {
        ArgumentNullException.ThrowIfNull(release);
        return release.Spec.Config?.SecretName ?? DefaultSecretName(release.Spec.App, release.Spec.Version);
    }

    /// <summary>
    /// The snapshot of <paramref name="configVars"/> for <paramref name="release"/>: immutable, in <c>data</c> rather than
    /// <c>stringData</c> (which the API server never returns, so a comparison with the live object would always differ),
    /// keys in ordinal order. The owner, when given, is usually the Release.
    /// </summary>
    public static Secret Render(Release release, IReadOnlyDictionary<string, string> configVars, OwnerReference? owner = null)
    {
        ArgumentNullException.ThrowIfNull(release);
        ArgumentNullException.ThrowIfNull(configVars);
        var data = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var (key, value) in configVars)
        {
            data[key] = Encoding.UTF8.GetBytes(value);
        }

        var labels = Maps.Sorted(
            (WorkloadLabels.App, release.Spec.App),
            (WorkloadLabels.Release, WorkloadLabels.ReleaseValue(release.Spec.Version)),
            (WorkloadLabels.Name, release.Spec.App),
            (WorkloadLabels.Component, "config"),
            (WorkloadLabels.ManagedBy, WorkloadLabels.ManagedByValue));
        var annotations = release.Spec.Config is { } config ? Maps.Sorted((HashAnnotation, config.Hash)) : null;
        return new Secret
        {
            Metadata = ObjectMetadata.For(SecretName(release), release.Metadata.Namespace, labels, owner, annotations),
            Type = "Opaque",
            Immutable = true,
            Data = data,
        };
    }
}
