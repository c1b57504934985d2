using System.Collections.Concurrent;
using Kube.Client;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Paas.Controllers.Plumbing;
using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Controllers.Sources;

/// <summary>
/// Heroku's auto-deploy: polls the ref of every App with spec.source.git, at once when spec.source changes and then on
/// an interval, and starts a Build when the ref points to a new commit. The Build's deterministic name makes a restart
/// or a repeated reconcile find its Build instead of creating another; status.sourceCommit records what was started.
/// Failures show in the SourceResolved condition and a Warning Event, back off, and never delete anything.
/// </summary>
public sealed class SourceReconciler : IReconciler
{
    private readonly IObjectStore<App> apps;
    private readonly IObjectStore<Build> builds;
    private readonly IEventRecorder events;
    private readonly SourcePoller poller;
    private readonly AutoBuildStarter starter;
    private readonly AppSourceStatus status;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly ConcurrentDictionary<ObjectKey, SourcePoll> polls = new();

    public SourceReconciler(
        IObjectStore<App> apps, IObjectStore<Build> builds, KubeClient client, IEventRecorder events, SourcePoller poller, TimeProvider? time = null, ILogger? logger = null)
    {
        this.apps = apps ?? throw new ArgumentNullException(nameof(apps));
        this.builds = builds ?? throw new ArgumentNullException(nameof(builds));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        this.poller = poller ?? throw new ArgumentNullException(nameof(poller));
        this.time = time ?? TimeProvider.System;
        this.logger = logger ?? NullLogger.Instance;
        starter = new AutoBuildStarter(client, events);
        status = new AppSourceStatus(client, this.time);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (apps.Get(key) is not { Metadata.DeletionTimestamp: null } app)
        {
            polls.TryRemove(key, out _);
            return ReconcileResult.Success;
        }

        if (app.Spec.Source?.Git is not { } source)
        {
            polls.TryRemove(key, out _);
            await WriteOrRetryAsync(() => status.RemoveConditionAsync(app, cancellationToken));
            return ReconcileResult.Success;
        }

        var now = time.GetUtcNow();
        if (!polls.TryGetValue(key, out var poll) || !poll.IsFor(source) || now >= poll.NextPollAt)
        {
            poll = await PollAsync(app, source, poll, now, cancellationToken);
        }

        var resolution = poll.Resolution;
        if (resolution.Commit is { } commit)
        {
            var started = await starter.EnsureAsync(app, source, resolution, poll.DisplayUrl, BuildsOf(app), cancellationToken);
            if (started.Failure is { } failure)
            {
                if (started.Report)
                {
                    await WriteOrRetryAsync(() => status.WriteAsync(app, null, ConditionSet.False, SourceReasons.BuildForbidden, failure, cancellationToken));
                }

                return ReconcileResult.Failure(failure);
            }

            var message = GitRefs.IsObjectId(source.Ref)
                ? $"spec.source.git.ref is commit {commit}, which never moves; set ref to a branch or tag to follow new commits."
                : $"\"{source.Ref ?? GitRefs.Head}\" ({resolution.RefName}) is at commit {commit} in {poll.DisplayUrl}; a new commit there starts a Build.";
            var written = await WriteOrRetryAsync(() => status.WriteAsync(app, started.CommitToRecord, ConditionSet.True, SourceReasons.RefResolved, message, cancellationToken));
            if (written is not null)
            {
                return written;
            }
        }
        else if (await WriteOrRetryAsync(() => status.WriteAsync(app, null, ConditionSet.False, resolution.Reason!, resolution.Message!, cancellationToken)) is { } retry)
        {
            return retry;
        }

        return poll.NextPollAt == DateTimeOffset.MaxValue
            ? ReconcileResult.Success
            : ReconcileResult.RequeueAfter(poll.NextPollAt - now > TimeSpan.Zero ? poll.NextPollAt - now : TimeSpan.FromMilliseconds(1));
    }

    private async Task<SourcePoll> PollAsync(App app, GitSource source, SourcePoll? previous, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var poll = await poller.PollAsync(source, previous, now, cancellationToken);
        polls[ObjectKey.From(app)] = poll;
        var resolution = poll.Resolution;
        if (!resolution.Resolved)
        {
            logger.LogInformation("Source of App {Namespace}/{App}: {Reason}: {Message} Next poll at {NextPoll:O}.",
                app.Metadata.Namespace, app.Metadata.Name, resolution.Reason, resolution.Message, poll.NextPollAt);
            // One Event per distinct problem: a failure that repeats at every backoff is already told.
            if (previous?.IsFor(source) != true || previous.Resolution.Message != resolution.Message)
            {
                events.Record(app, EventType.Warning, resolution.Reason!, "Poll", resolution.Message!);
            }
        }

        return poll;
    }

    /// <summary>Null when the write went through or was not needed; a Failure to retry when the App changed meanwhile.</summary>
    private static async Task<ReconcileResult?> WriteOrRetryAsync(Func<Task<bool>> write)
    {
        try
        {
            await write();
            return null;
        }
        catch (ConflictException)
        {
            return ReconcileResult.Failure("the App changed since it was cached; writing its source status again");
        }
    }

    private IEnumerable<Build> BuildsOf(App app) =>
        builds.List().Where(build => build.Metadata.Namespace == app.Metadata.Namespace && build.Spec.App == app.Metadata.Name);
}
