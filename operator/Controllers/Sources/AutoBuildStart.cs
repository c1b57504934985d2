namespace Paas.Controllers.Sources;

/// <summary>What <see cref="AutoBuildStarter.EnsureAsync"/> did: the commit to record in status.sourceCommit, or why it must retry.</summary>
/// <param name="CommitToRecord">The commit whose Build exists now; null when status already records it.</param>
/// <param name="Failure">Set when the Build could not be created yet.</param>
/// <param name="Report">True when the failure needs someone to act, so the App's condition shows it; false for a moment's wait on the cache.</param>
public sealed record AutoBuildStart(string? CommitToRecord, string? Failure, bool Report = false);
