using Paas.Platform.Api;

namespace Paas.Controllers.Releases;

/// <summary>What handling an App's rollback request left: its Releases (the rollback included) and, when refused, why.</summary>
/// <param name="History">The App's Releases, oldest first.</param>
/// <param name="Rejection">Null when there was no request or it was carried out; otherwise a message naming the annotation, the value and the versions that exist.</param>
public sealed record RollbackOutcome(IReadOnlyList<Release> History, string? Rejection);
