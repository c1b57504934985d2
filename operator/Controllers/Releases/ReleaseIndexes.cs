using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Informers;
using Paas.Platform.Api;

namespace Paas.Controllers.Releases;

/// <summary>Cache indexes the release controller reads by App, so a reconcile touches one App's objects, not every cached one.</summary>
public static class ReleaseIndexes
{
    /// <summary>Releases by <c>&lt;namespace&gt;/&lt;spec.app&gt;</c>; Jobs by <c>&lt;namespace&gt;/&lt;paas.dev/app label&gt;</c>.</summary>
    public const string ByApp = "paas-release-app";

    public static string Value(string? @namespace, string app) => $"{@namespace}/{app}";

    /// <summary>Adds <see cref="ByApp"/> to both informers; call before they start.</summary>
    public static void AddTo(Informer<Release> releases, Informer<Job> jobs)
    {
        ArgumentNullException.ThrowIfNull(releases);
        ArgumentNullException.ThrowIfNull(jobs);
        AddTo(releases.Store);
        jobs.AddIndexer(ByApp, job => job.Metadata.Labels?.GetValueOrDefault(PaasLabels.App) is { Length: > 0 } app
            ? [Value(job.Metadata.Namespace, app)]
            : []);
    }

    /// <summary>Adds <see cref="ByApp"/> to a store of Releases, e.g. an informer's; the App and Formation reconcilers read it.</summary>
    public static void AddTo(IObjectStore<Release> releases)
    {
        ArgumentNullException.ThrowIfNull(releases);
        if (releases is not IndexedStore<Release> indexed)
        {
            throw new ArgumentException("Releases must be an IndexedStore to carry the by-App index.", nameof(releases));
        }

        indexed.AddIndexer(ByApp, release => [Value(release.Metadata.Namespace, release.Spec.App)]);
    }

    /// <summary>One App's Releases, from the <see cref="ByApp"/> index: a reconcile must not scan every App's Releases.</summary>
    public static IReadOnlyList<Release> Of(IObjectStore<Release> releases, string? @namespace, string app)
    {
        ArgumentNullException.ThrowIfNull(releases);
        return releases.ByIndex(ByApp, Value(@namespace, app));
    }
}
