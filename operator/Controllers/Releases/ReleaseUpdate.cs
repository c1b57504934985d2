using Paas.Platform.Api;

namespace Paas.Controllers.Releases;

/// <summary>The status a Release should have instead of its live one, and the Events the change announces.</summary>
public sealed record ReleaseUpdate(Release Release, ReleaseStatus Status, IReadOnlyList<ReleaseNotice> Notices);
