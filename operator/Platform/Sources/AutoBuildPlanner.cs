using Paas.Platform.Api;

namespace Paas.Platform.Sources;

/// <summary>
/// Decides whether a resolved commit needs a Build. The App's status.sourceCommit says what was last started; the
/// automatic Builds say what exists, so a Build created just before a restart is recorded, not created twice, while a
/// ref moved back to an older commit builds that commit again, as a push to Heroku would.
/// </summary>
public static class AutoBuildPlanner
{
    /// <param name="app">The App, with its spec.source and status.sourceCommit.</param>
    /// <param name="commit">What spec.source.git.ref resolves to now.</param>
    /// <param name="builds">The App's Builds.</param>
    public static AutoBuildDecision Decide(App app, string commit, IEnumerable<Build> builds)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(builds);
        var source = app.Spec.Source?.Git ?? throw new ArgumentException("The App has no spec.source.git.", nameof(app));
        var automatic = builds.Where(AutoBuilds.IsAutomatic).ToList();
        var recorded = app.Status?.SourceCommit;
        var latest = Newest(automatic.Where(build => recorded is not null && string.Equals(build.Spec.Source.Git?.Ref, recorded, StringComparison.OrdinalIgnoreCase)));
        if (string.Equals(recorded, commit, StringComparison.OrdinalIgnoreCase) && (latest is null || AutoBuilds.Builds(latest, source, commit)))
        {
            // A deleted Build stays deleted: the user removed it, and the commit has not moved since.
            return AutoBuildDecision.UpToDate;
        }

        var ofCommit = automatic.Where(build => AutoBuilds.Builds(build, source, commit)).ToList();
        if (Newest(ofCommit) is { } existing && (latest is null || !IsNewer(latest, existing)))
        {
            return new AutoBuildDecision(AutoBuildDecisionKind.Record, existing.Metadata.Name, 0);
        }

        var taken = builds.Select(build => build.Metadata.Name).ToHashSet(StringComparer.Ordinal);
        var appName = app.Metadata.Name!;
        var attempt = 1;
        while (taken.Contains(AutoBuilds.Name(appName, commit, attempt)))
        {
            attempt++;
        }

        return new AutoBuildDecision(AutoBuildDecisionKind.Create, AutoBuilds.Name(appName, commit, attempt), attempt);
    }

    private static Build? Newest(IEnumerable<Build> builds) =>
        builds.OrderBy(build => build.Metadata.CreationTimestamp ?? DateTimeOffset.MinValue)
            .ThenBy(build => build.Metadata.Name, StringComparer.Ordinal)
            .LastOrDefault();

    private static bool IsNewer(Build other, Build build) =>
        (other.Metadata.CreationTimestamp, build.Metadata.CreationTimestamp) switch
        {
            ({ } a, { } b) when a != b => a > b,
            _ => string.CompareOrdinal(other.Metadata.Name, build.Metadata.Name) > 0,
        };
}
