using Paas.Platform.Api;

namespace Paas.Controllers.Releases;

/// <summary>What <see cref="ReleaseLifecycle.Decide"/> asks for one App.</summary>
/// <param name="Updates">Releases whose status must change, the one becoming current first; empty when nothing changed.</param>
/// <param name="StartReleasePhase">Releases whose release-phase Job must exist (applied before their status says Releasing).</param>
/// <param name="RecheckAfter">When a running release phase reaches its deadline, so a stuck Job is noticed without any event.</param>
public sealed record ReleaseLifecycleDecision(
    IReadOnlyList<ReleaseUpdate> Updates,
    IReadOnlyList<Release> StartReleasePhase,
    TimeSpan? RecheckAfter);
