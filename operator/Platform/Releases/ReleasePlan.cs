using Paas.Platform.Api;

namespace Paas.Platform.Releases;

/// <summary>A Release to create, with the config snapshot it needs and what caused it.</summary>
/// <param name="Release">The object to create, named <c>&lt;app&gt;-v&lt;N&gt;</c> with N one above the newest the planner saw.</param>
/// <param name="NewSnapshot">Config vars whose snapshot Secret must exist first; null when the Release reuses an existing snapshot (rollback).</param>
/// <param name="Intent">Stable text naming the cause, also stored in the annotation <see cref="PaasAnnotations.ReleaseIntent"/>.</param>
/// <param name="BaseVersion">The newest version the planner saw (0 for none); a Release above it with the same intent is this plan, done.</param>
public sealed record ReleasePlan(Release Release, ConfigSnapshot? NewSnapshot, string Intent, int BaseVersion)
{
    /// <summary>The same plan renumbered, for when another writer took the version first.</summary>
    public ReleasePlan WithVersion(int version) => this with
    {
        Release = Release with
        {
            Metadata = Release.Metadata with { Name = ReleaseNames.For(Release.Spec.App, version) },
            Spec = Release.Spec with { Version = version },
        },
    };
}
