using System.Globalization;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Events;
using Paas.Controllers.Config;
using Paas.Controllers.Plumbing;
using Paas.Controllers.Releases;
using Paas.Platform.Api;
using Paas.Platform.Releases;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Builds;

/// <summary>
/// Creates the Release a Succeeded Build leads to: the App's current config snapshot, the Build's image and process
/// types, the next version of the ledger. Idempotent: a Build already in the ledger gives back its version.
/// </summary>
public sealed class BuildReleaser
{
    private readonly IObjectStore<Secret> secrets;
    private readonly AppConfigResolver config;
    private readonly ChildApplier children;
    private readonly ReleaseLedger ledger;
    private readonly IEventRecorder events;

    public BuildReleaser(IObjectStore<Secret> secrets, KubeClient client, IEventRecorder events)
    {
        ArgumentNullException.ThrowIfNull(client);
        this.secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        config = new AppConfigResolver(secrets, client);
        children = new ChildApplier(client);
        ledger = new ReleaseLedger(client);
    }

    /// <summary>The version released for <paramref name="succeeded"/>, whose status already holds the image; or why none could be made yet.</summary>
    public async Task<(int? Version, string? Problem)> ReleaseAsync(App app, Build succeeded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(succeeded);
        var resolved = await config.ResolveAsync(app, cancellationToken);
        if (resolved.Missing is { } missing)
        {
            return (null, missing);
        }

        var history = await ledger.ReadHistoryAsync(app.Metadata.Name!, app.Metadata.Namespace, cancellationToken);
        var decision = ReleasePlanner.ForBuild(app, history, succeeded, resolved.Config);
        switch (decision.Kind)
        {
            case ReleaseDecisionKind.UpToDate:
                return (history.First(release => release.Spec.Build == succeeded.Metadata.Name).Spec.Version, null);
            case ReleaseDecisionKind.Create:
                var plan = decision.Plan!;
                var snapshot = ConfigSnapshotSecret.Render(app.Metadata.Name!, app.Metadata.Namespace, plan.NewSnapshot!);
                await children.ApplyAsync(app, snapshot, secrets.Get(new ObjectKey(app.Metadata.Namespace, snapshot.Metadata.Name!)), cancellationToken);
                var entry = await ledger.AppendAsync(plan, cancellationToken);
                if (entry.Created)
                {
                    events.Record(app, EventType.Normal, "ReleaseCreated", "Release",
                        string.Create(CultureInfo.InvariantCulture, $"v{entry.Release.Spec.Version}: {entry.Release.Spec.Description}"));
                }

                return (entry.Release.Spec.Version, null);
            default:
                return (null, decision.Message);
        }
    }
}
