using Kube.Client;
using Kube.Runtime.Events;
using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Controllers.Sources;

/// <summary>Creates the automatic Build a resolved commit needs, once: AlreadyExists for a Build of the same commit is success.</summary>
public sealed class AutoBuildStarter
{
    private readonly KubeClient client;
    private readonly IEventRecorder events;

    public AutoBuildStarter(KubeClient client, IEventRecorder events)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
    }

    /// <param name="app">The App as cached.</param>
    /// <param name="source">Its spec.source.git.</param>
    /// <param name="resolution">The commit its ref resolved to.</param>
    /// <param name="displayUrl">The URL without credentials, for the Event.</param>
    /// <param name="appBuilds">The App's Builds as cached.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    public async Task<AutoBuildStart> EnsureAsync(
        App app, GitSource source, RefResolution resolution, string displayUrl, IEnumerable<Build> appBuilds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(resolution);
        var commit = resolution.Commit ?? throw new ArgumentException("The ref did not resolve.", nameof(resolution));
        var decision = AutoBuildPlanner.Decide(app, commit, appBuilds);
        switch (decision.Kind)
        {
            case AutoBuildDecisionKind.UpToDate:
                return new AutoBuildStart(null, null);
            case AutoBuildDecisionKind.Record:
                return new AutoBuildStart(commit, null);
        }

        var build = AutoBuilds.Render(app, source, commit, resolution.RefName!, decision.Attempt);
        try
        {
            await client.CreateAsync(build, cancellationToken);
        }
        catch (ForbiddenException ex)
        {
            return new AutoBuildStart(null, $"the operator may not create Builds in namespace {app.Metadata.Namespace} ({ex.Status.Message}); " +
                "grant its ClusterRole the verb create on builds of paas.dev (the chart's templates/rbac.yaml), or remove spec.source and create Builds yourself.", Report: true);
        }
        catch (AlreadyExistsException)
        {
            // The cache has not shown our own Build yet (a restart, a reconcile just after creating it), or a Build of
            // something else took the name since: only the first is done; the second waits for the cache to name the next attempt.
            var existing = await client.TryGetAsync<Build>(build.Metadata.Name!, build.Metadata.Namespace, cancellationToken);
            return existing is not null && AutoBuilds.IsAutomatic(existing) && AutoBuilds.Builds(existing, source, commit)
                ? new AutoBuildStart(commit, null)
                : new AutoBuildStart(null, $"Build {build.Metadata.Name} already exists and builds something else; waiting for the cache to show it");
        }

        events.Record(app, EventType.Normal, SourceReasons.AutoBuildStarted, "Build",
            $"Build {build.Metadata.Name} started for commit {GitRefs.Short(commit)} ({commit}), {resolution.RefName} of {displayUrl}.");
        return new AutoBuildStart(commit, null);
    }
}
