using System.Globalization;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Paas.Controllers.Config;
using Paas.Controllers.Plumbing;
using Paas.Platform;
using Paas.Platform.Api;
using Paas.Platform.Builds;
using Paas.Platform.Procfiles;
using Paas.Platform.Rendering;

namespace Paas.Controllers.Builds;

/// <summary>
/// Runs a Build: a git or archive source becomes a build Job whose steps it follows to Succeeded or Failed, an image
/// source is pinned by digest; a Succeeded Build creates the App's next Release, a failed one never does. A newer Build
/// of the same App cancels an older one still going. A finished Build is never touched again.
/// </summary>
public sealed class BuildReconciler : IReconciler
{
    private readonly IObjectStore<Build> builds;
    private readonly IObjectStore<App> apps;
    private readonly IObjectStore<Job> jobs;
    private readonly IObjectStore<Secret> secrets;
    private readonly KubeClient client;
    private readonly IEventRecorder events;
    private readonly PlatformSettings settings;
    private readonly IBuildStrategy strategy;
    private readonly IImageResolver images;
    private readonly TimeProvider time;
    private readonly ChildApplier children;
    private readonly StatusWriter statuses;
    private readonly AppConfigResolver config;
    private readonly BuildReleaser releaser;

    public BuildReconciler(BuildStores stores, KubeClient client, IEventRecorder events, BuildControllerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stores);
        options ??= new BuildControllerOptions();
        (builds, apps, jobs, secrets) = (stores.Builds, stores.Apps, stores.Jobs, stores.Secrets);
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        settings = options.Settings ?? PlatformSettings.Default;
        strategy = options.Strategy ?? new KanikoStrategy(settings);
        images = options.Images ?? throw new ArgumentException("BuildControllerOptions.Images is required.", nameof(options));
        time = options.Time ?? TimeProvider.System;
        children = new ChildApplier(client);
        statuses = new StatusWriter(client);
        config = new AppConfigResolver(secrets, client);
        releaser = new BuildReleaser(secrets, client, events);
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (builds.Get(key) is not { Metadata.DeletionTimestamp: null } build || IsFinished(build))
        {
            return ReconcileResult.Success;
        }

        if (apps.Get(new ObjectKey(key.Namespace, build.Spec.App)) is not { } app)
        {
            var missing = $"spec.app: App \"{build.Spec.App}\" does not exist in namespace {key.Namespace}; create it or name an existing App.";
            await WriteAsync(build, BuildStatuses.Pending(build, ConditionReasons.AppNotFound, missing, time.GetUtcNow()), cancellationToken);
            return ReconcileResult.Success;
        }

        if (build.Spec.Source.Image is { } image)
        {
            return await DeployImageAsync(build, app, image, cancellationToken);
        }

        if (build.Status?.Phase != BuildPhases.Succeeded && NewerBuildOf(build) is { } newer)
        {
            await SupersedeAsync(build, newer, cancellationToken);
            return ReconcileResult.Success;
        }

        var jobName = BuildJob.Name(build.Metadata.Name!);
        return jobs.Get(new ObjectKey(key.Namespace, jobName)) is { } job
            ? await FollowAsync(build, app, job, cancellationToken)
            : await StartAsync(build, app, cancellationToken);
    }

    private static bool IsFinished(Build build) =>
        build.Status is { Phase: BuildPhases.Failed } or { Phase: BuildPhases.Succeeded, Release: not null };

    /// <summary>The newest other Build of the same App, when it was created after this one (ties broken by name).</summary>
    private Build? NewerBuildOf(Build build) =>
        builds.List()
            .Where(other => other.Metadata.Namespace == build.Metadata.Namespace && other.Spec.App == build.Spec.App && other.Metadata.Name != build.Metadata.Name)
            .Where(other => IsNewer(other, build))
            .OrderByDescending(other => other.Metadata.CreationTimestamp)
            .ThenByDescending(other => other.Metadata.Name, StringComparer.Ordinal)
            .FirstOrDefault();

    private static bool IsNewer(Build other, Build build) =>
        (other.Metadata.CreationTimestamp, build.Metadata.CreationTimestamp) switch
        {
            ({ } a, { } b) when a != b => a > b,
            _ => string.CompareOrdinal(other.Metadata.Name, build.Metadata.Name) > 0,
        };

    private async Task SupersedeAsync(Build build, Build newer, CancellationToken cancellationToken)
    {
        await client.DeleteAsync<Job>(
            BuildJob.Name(build.Metadata.Name!), build.Metadata.Namespace,
            new DeleteOptions { PropagationPolicy = PropagationPolicy.Background, IgnoreNotFound = true }, cancellationToken);
        var message = $"superseded by build {newer.Metadata.Name}";
        await WriteAsync(build, BuildStatuses.Failed(build, BuildFailureReasons.Superseded, message, time.GetUtcNow()), cancellationToken);
        events.Record(build, EventType.Normal, BuildFailureReasons.Superseded, "Cancel", message);
    }

    private async Task<ReconcileResult> StartAsync(Build build, App app, CancellationToken cancellationToken)
    {
        if (build.Status?.Phase == BuildPhases.Running)
        {
            var gone = $"the build Job {BuildJob.Name(build.Metadata.Name!)} was deleted while it ran; create a new Build to build again.";
            return await FailAsync(build, BuildFailureReasons.CompileFailed, gone, cancellationToken);
        }

        var stackName = app.Spec.Stack ?? settings.DefaultStack;
        if (!settings.Builds.Stacks.TryGetValue(stackName, out var stack))
        {
            var offered = string.Join(", ", settings.Builds.Stacks.Keys.Order(StringComparer.Ordinal));
            return await FailAsync(build, BuildFailureReasons.InvalidSpec,
                $"spec.stack: App {app.Metadata.Name} uses stack \"{stackName}\", which this platform does not build; set it to one of {offered}.", cancellationToken);
        }

        var resolved = await config.ResolveAsync(app, cancellationToken);
        if (resolved.Missing is { } missing)
        {
            await WriteAsync(build, BuildStatuses.Pending(build, ConditionReasons.InvalidSpec, missing, time.GetUtcNow()), cancellationToken);
            return ReconcileResult.Failure(missing);
        }

        string? configSecret = null;
        if (resolved.Config.Values.Count > 0)
        {
            var snapshot = ConfigSnapshotSecret.Render(app.Metadata.Name!, app.Metadata.Namespace, resolved.Config);
            await children.ApplyAsync(app, snapshot, secrets.Get(new ObjectKey(app.Metadata.Namespace, snapshot.Metadata.Name!)), cancellationToken);
            configSecret = snapshot.Metadata.Name;
        }

        var input = new BuildJobInput(build, stack, build.Spec.Buildpacks ?? app.Spec.Buildpacks ?? [], configSecret);
        var job = strategy.Render(input);
        await children.ApplyAsync(build, job, null, cancellationToken);
        var waiting = $"Build Job {job.Metadata.Name} created; waiting for its pod to start.";
        await WriteAsync(build, BuildStatuses.Pending(build, ConditionReasons.BuildPending, waiting, time.GetUtcNow()) with { JobName = job.Metadata.Name }, cancellationToken);
        return ReconcileResult.Success;
    }

    private async Task<ReconcileResult> FollowAsync(Build build, App app, Job job, CancellationToken cancellationToken)
    {
        var failed = JobCondition(job, "Failed");
        var complete = JobCondition(job, "Complete");
        var status = build.Status ?? new BuildStatus();
        var startedAt = status.StartedAt ?? job.Status?.StartTime;
        if (failed is null && complete is null)
        {
            if (job.Status?.StartTime is null && (job.Status?.Active ?? 0) == 0)
            {
                return ReconcileResult.Success;
            }

            var podName = status.PodName ?? (await BuildPod.ReadAsync(client.Dynamic, build.Metadata.Namespace, job.Metadata.Name!, cancellationToken))?.Name;
            var message = podName is null ? "Building." : $"Building; follow the log: kubectl logs -n {build.Metadata.Namespace} {podName} --all-containers -f";
            var running = BuildStatuses.Running(build, message, time.GetUtcNow()) with { JobName = job.Metadata.Name, PodName = podName, StartedAt = startedAt ?? BuildStatuses.Seconds(time.GetUtcNow()) };
            await WriteAsync(build, running, cancellationToken);
            return ReconcileResult.Success;
        }

        var pod = await BuildPod.ReadAsync(client.Dynamic, build.Metadata.Namespace, job.Metadata.Name!, cancellationToken);
        var observed = build with
        {
            Status = status with { JobName = job.Metadata.Name, PodName = pod?.Name ?? status.PodName, StartedAt = startedAt, CompletedAt = (complete ?? failed)!.LastTransitionTime ?? job.Status?.CompletionTime },
        };
        if (failed is not null)
        {
            var failure = FailureOf(observed, failed, pod);
            return await FailAsync(observed, failure.Reason, failure.Message, cancellationToken);
        }

        return await SucceedAsync(observed, app, pod, cancellationToken);
    }

    private BuildFailure FailureOf(Build build, JobCondition failed, BuildPod? pod)
    {
        string[] steps = [BuildSteps.Source, BuildSteps.Plan, BuildSteps.Build];
        var ns = build.Metadata.Namespace;
        if (failed.Reason == "DeadlineExceeded")
        {
            var step = steps.FirstOrDefault(s => pod?.Of(s) is not { Succeeded: true }) ?? BuildSteps.Build;
            var minutes = (settings.Builds.TimeoutSeconds / 60.0).ToString("0.#", CultureInfo.InvariantCulture);
            return new BuildFailure(BuildFailureReasons.TimedOut,
                $"the build ran longer than its timeout of {minutes} minutes and was stopped in step {step}. {BuildFailure.LogLocation(step, ns, pod?.Name)}");
        }

        var broken = steps.Select(s => pod?.Of(s)).FirstOrDefault(t => t is { Succeeded: false });
        if (broken is null)
        {
            return BuildFailure.Of(BuildFailureReasons.CompileFailed, BuildSteps.Build, failed.Message, ns, pod?.Name);
        }

        var reason = broken.Step switch
        {
            BuildSteps.Source => BuildFailureReasons.SourceFailed,
            BuildSteps.Plan => BuildFailureReasons.DetectFailed,
            _ => strategy.ReasonForBuilderFailure(broken.Message),
        };
        return BuildFailure.Of(reason, broken.Step, broken.Message, ns, pod?.Name);
    }

    private async Task<ReconcileResult> SucceedAsync(Build build, App app, BuildPod? pod, CancellationToken cancellationToken)
    {
        var image = strategy.ImageFrom(build, pod?.Of(BuildSteps.Build)?.Message);
        if (image is null)
        {
            var failure = BuildFailure.Of(BuildFailureReasons.PushFailed, BuildSteps.Build, "the builder finished without reporting the pushed image's digest", build.Metadata.Namespace, pod?.Name);
            return await FailAsync(build, failure.Reason, failure.Message, cancellationToken);
        }

        var plan = BuildPlan.Parse(pod?.Of(BuildSteps.Plan)?.Message);
        var commit = build.Spec.Source.Git is null ? null : pod?.Of(BuildSteps.Source)?.Message?.Trim();
        var built = build.Status! with
        {
            Image = image,
            Buildpacks = plan?.Buildpacks,
            ProcessTypes = plan?.ProcessTypes,
            Commit = string.IsNullOrEmpty(commit) ? null : commit,
            CompletedAt = build.Status!.CompletedAt ?? BuildStatuses.Seconds(time.GetUtcNow()),
        };
        return await ReleaseAsync(build with { Status = built }, app, cancellationToken);
    }

    private async Task<ReconcileResult> DeployImageAsync(Build build, App app, string image, CancellationToken cancellationToken)
    {
        if (app.Spec.Procfile is not { } procfile)
        {
            return await FailAsync(build, BuildFailureReasons.InvalidSpec,
                $"App {app.Metadata.Name} has no spec.procfile, and a prebuilt image brings no process types the platform can read; set spec.procfile on the App (e.g. \"web: bin/server\") and create the Build again.", cancellationToken);
        }

        var parsed = Procfile.Parse(procfile, app.Metadata.Name, "spec.procfile");
        if (!parsed.IsValid)
        {
            return await FailAsync(build, BuildFailureReasons.InvalidSpec, $"App {app.Metadata.Name}: {parsed.Errors[0].Message}", cancellationToken);
        }

        ImageResolution resolution;
        try
        {
            resolution = await images.ResolveAsync(image, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            var waiting = $"Resolving {image} to a digest failed ({e.Message}); retrying.";
            await WriteAsync(build, BuildStatuses.Pending(build, BuildFailureReasons.SourceFailed, waiting, time.GetUtcNow()), cancellationToken);
            return ReconcileResult.Failure(waiting);
        }

        if (resolution.Image is not { } pinned)
        {
            return await FailAsync(build, BuildFailureReasons.SourceFailed, resolution.Error!, cancellationToken);
        }

        var now = BuildStatuses.Seconds(time.GetUtcNow());
        var status = (build.Status ?? new BuildStatus()) with
        {
            Image = pinned,
            ProcessTypes = parsed.ToProcessTypeMap(),
            StartedAt = build.Status?.StartedAt ?? now,
            CompletedAt = build.Status?.CompletedAt ?? now,
        };
        return await ReleaseAsync(build with { Status = status }, app, cancellationToken);
    }

    /// <summary>Creates the Release for a Build whose status holds its image, then records both in the Build's status.</summary>
    private async Task<ReconcileResult> ReleaseAsync(Build build, App app, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var succeeded = build with { Status = BuildStatuses.Succeeded(build, $"Built {build.Status!.Image}.", now) };
        var (version, problem) = await releaser.ReleaseAsync(app, succeeded, cancellationToken);
        if (version is null)
        {
            await WriteAsync(build, succeeded.Status!, cancellationToken);
            return ReconcileResult.Failure(problem ?? "no Release could be created");
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"Built {build.Status.Image} and released it as v{version}.");
        await WriteAsync(build, BuildStatuses.Succeeded(build, message, now) with { Release = version }, cancellationToken);
        events.Record(build, EventType.Normal, ConditionReasons.BuildSucceeded, "Build", message);
        return ReconcileResult.Success;
    }

    private async Task<ReconcileResult> FailAsync(Build build, string reason, string message, CancellationToken cancellationToken)
    {
        await WriteAsync(build, BuildStatuses.Failed(build, reason, message, time.GetUtcNow()), cancellationToken);
        events.Record(build, EventType.Warning, ConditionReasons.BuildFailed, "Build", $"{reason}: {message}");
        return ReconcileResult.Success;
    }

    private Task<bool> WriteAsync(Build build, BuildStatus desired, CancellationToken cancellationToken) =>
        statuses.WriteAsync(build, desired, cancellationToken);

    private static JobCondition? JobCondition(Job job, string type) =>
        job.Status?.Conditions?.FirstOrDefault(condition => condition.Type == type && condition.Status == "True");
}
