using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Paas.Controllers.Plumbing;
using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Controllers.Sources;

/// <summary>
/// Writes the two parts of App status the source controller owns, status.sourceCommit and the SourceResolved condition,
/// with one JSON merge patch on the status subresource and only when the cached App differs. The App reconciler owns the
/// rest of the status; it builds its writes on the cached status and leaves these two parts out (<see cref="Owned"/>),
/// so a write of it never puts back an older commit the cache still showed.
/// </summary>
public sealed class AppSourceStatus
{
    /// <summary>The parts of App status this class writes, for the App reconciler's status writer to leave alone.</summary>
    public static readonly OtherWritersStatus Owned = new(["sourceCommit"], [SourceReasons.ConditionType]);

    private readonly KubeClient client;
    private readonly TimeProvider time;

    public AppSourceStatus(KubeClient client, TimeProvider? time = null)
    {
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>Records <paramref name="commit"/> (when not null) and sets the condition; returns true when it sent a request.</summary>
    /// <remarks>
    /// A merge patch replaces the whole conditions list, so when the condition changes the patch carries the cached
    /// resourceVersion: a newer App (another writer's condition) fails it with a Conflict instead of losing that write.
    /// </remarks>
    public async Task<bool> WriteAsync(App app, string? commit, string status, string reason, string message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var patch = new JsonObject();
        var body = new JsonObject { ["status"] = patch };
        if (commit is not null && !string.Equals(app.Status?.SourceCommit, commit, StringComparison.OrdinalIgnoreCase))
        {
            patch["sourceCommit"] = commit;
        }

        var current = ConditionSet.Find(app.Status?.Conditions, SourceReasons.ConditionType);
        if (current is null || current.Status != status || current.Reason != reason || current.Message != message || current.ObservedGeneration != app.Metadata.Generation)
        {
            var conditions = ConditionSet.Set(app.Status?.Conditions, SourceReasons.ConditionType, status, reason, message, app.Metadata.Generation, time.GetUtcNow());
            patch["conditions"] = JsonSerializer.SerializeToNode(conditions, client.JsonOptions);
            body["metadata"] = new JsonObject { ["resourceVersion"] = app.Metadata.ResourceVersion };
        }

        if (patch.Count == 0)
        {
            return false;
        }

        await client.MergePatchAsync<App>(app.Metadata.Name!, app.Metadata.Namespace, body, "status", cancellationToken);
        return true;
    }

    /// <summary>Takes the SourceResolved condition away once spec.source is gone; returns true when it sent a request.</summary>
    public async Task<bool> RemoveConditionAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (ConditionSet.Find(app.Status?.Conditions, SourceReasons.ConditionType) is null)
        {
            return false;
        }

        var rest = app.Status!.Conditions!.Where(condition => condition.Type != SourceReasons.ConditionType).ToList();
        var body = new JsonObject
        {
            ["metadata"] = new JsonObject { ["resourceVersion"] = app.Metadata.ResourceVersion },
            ["status"] = new JsonObject { ["conditions"] = JsonSerializer.SerializeToNode<IReadOnlyList<Condition>>(rest, client.JsonOptions) },
        };
        await client.MergePatchAsync<App>(app.Metadata.Name!, app.Metadata.Namespace, body, "status", cancellationToken);
        return true;
    }
}
