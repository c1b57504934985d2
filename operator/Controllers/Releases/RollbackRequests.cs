using System.Globalization;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Runtime.Events;
using Paas.Controllers.Plumbing;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Paas.Controllers.Releases;

/// <summary>
/// Carries out <c>heroku rollback v3</c> asked for with the App annotation <c>paas.dev/rollback-to: "3"</c>: appends
/// "Rollback to v3" (image, process types and config snapshot of v3) to the ledger, then removes the annotation.
/// A crash between the two is harmless: the newest Release carrying the intent <c>rollback:v3</c> means the request
/// was already carried out, so the next attempt only removes the annotation.
/// </summary>
public sealed class RollbackRequests
{
    private readonly KubeClient client;
    private readonly IEventRecorder events;
    private readonly ReleaseLedger ledger;

    public RollbackRequests(KubeClient client, IEventRecorder events)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        ledger = new ReleaseLedger(client);
    }

    /// <summary>
    /// Handles the App's rollback request, if it has one; sends no request when it has none.
    /// </summary>
    /// <param name="app">The App as cached.</param>
    /// <param name="history">The App's Releases, oldest first.</param>
    /// <param name="cancellationToken">Cancels the requests.</param>
    /// <returns>The history with the rollback Release added, and the reason when the request cannot be honoured.</returns>
    public async Task<RollbackOutcome> HandleAsync(App app, IReadOnlyList<Release> history, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(history);
        if (app.Metadata.Annotations?.GetValueOrDefault(PaasAnnotations.RollbackTo) is not { } requested)
        {
            return new RollbackOutcome(history, null);
        }

        var version = ParseVersion(requested);
        if (version is null || history.All(release => release.Spec.Version != version))
        {
            // The annotation stays, so the App's condition keeps saying why until the user corrects or removes it.
            var rejection = Rejection(app, history, requested);
            if (ConditionSet.Find(app.Status?.Conditions, ConditionTypes.Released)?.Message != rejection)
            {
                events.Record(app, EventType.Warning, ReleaseEventReasons.RollbackRejected, "Rollback", rejection);
            }

            return new RollbackOutcome(history, rejection);
        }

        var intent = Intent(version.Value);
        if (history.Count > 0 && IntentOf(history[^1]) != intent)
        {
            var decision = ReleasePlanner.ForRollback(app, history, version.Value);
            if (decision.Kind != ReleaseDecisionKind.Create)
            {
                return new RollbackOutcome(history, decision.Message);
            }

            var entry = await ledger.AppendAsync(decision.Plan!, cancellationToken);
            if (entry.Created)
            {
                events.Record(app, EventType.Normal, ReleaseEventReasons.ReleaseCreated, "Rollback",
                    string.Create(CultureInfo.InvariantCulture, $"v{entry.Release.Spec.Version}: {entry.Release.Spec.Description}"));
            }

            history = [.. history.Where(release => release.Spec.Version != entry.Release.Spec.Version), entry.Release];
        }

        await RemoveRequestAsync(app, cancellationToken);
        return new RollbackOutcome(history, null);
    }

    /// <summary>The release-intent annotation of a rollback to <paramref name="version"/>, as <see cref="ReleasePlanner.ForRollback"/> writes it.</summary>
    public static string Intent(int version) => string.Create(CultureInfo.InvariantCulture, $"rollback:v{version}");

    /// <summary><c>3</c> or <c>v3</c> (surrounding spaces allowed); null for anything else.</summary>
    public static int? ParseVersion(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var digits = text.Trim().TrimStart('v', 'V');
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version > 0 ? version : null;
    }

    private static string Rejection(App app, IReadOnlyList<Release> history, string requested)
    {
        var known = history.Count == 0
            ? "it has no Release yet, so there is nothing to roll back to; remove the annotation"
            : "it has " + string.Join(", ", history.Select(release => "v" + release.Spec.Version.ToString(CultureInfo.InvariantCulture)))
              + "; set the annotation to one of those versions, e.g. \"" + history[0].Spec.Version.ToString(CultureInfo.InvariantCulture) + "\", or remove it";
        var what = ParseVersion(requested) is { } version
            ? string.Create(CultureInfo.InvariantCulture, $"v{version} is not a Release of App {app.Metadata.Name}")
            : $"\"{requested}\" is not a release version of App {app.Metadata.Name}";
        return $"metadata.annotations[{PaasAnnotations.RollbackTo}]: {what}; {known}.";
    }

    private static string? IntentOf(Release release) =>
        release.Metadata.Annotations?.GetValueOrDefault(PaasAnnotations.ReleaseIntent);

    /// <summary>Removes the annotation only from the App version that asked, so a newer request is never lost.</summary>
    private async Task RemoveRequestAsync(App app, CancellationToken cancellationToken)
    {
        var patch = new JsonObject
        {
            ["metadata"] = new JsonObject
            {
                ["resourceVersion"] = app.Metadata.ResourceVersion,
                ["annotations"] = new JsonObject { [PaasAnnotations.RollbackTo] = null },
            },
        };
        try
        {
            await client.MergePatchAsync<App>(app.Metadata.Name!, app.Metadata.Namespace, patch, cancellationToken: cancellationToken);
        }
        catch (ConflictException)
        {
            // The App changed since it was cached; its new version comes back through the informer and is handled then.
        }
        catch (NotFoundException)
        {
            // Deleted meanwhile: nothing left to roll back.
        }
    }
}
