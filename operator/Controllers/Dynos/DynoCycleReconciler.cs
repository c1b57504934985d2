using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Paas.Platform.Api;
using Paas.Platform.Procfiles;

namespace Paas.Controllers.Dynos;

/// <summary>
/// Cycles the dynos of one process type, keyed by its Deployment: deletes the one pod <see cref="DynoCyclePlanner"/>
/// says is due (the Deployment starts its replacement) and comes back at the next deadline. A new release replaces
/// every pod, which resets the clock without any bookkeeping here.
/// </summary>
public sealed class DynoCycleReconciler : IReconciler
{
    /// <summary>The index of pods by their Deployment's key, <c>&lt;namespace&gt;/&lt;app&gt;-&lt;process type&gt;</c>, from their labels.</summary>
    public const string ByDeployment = "paas-deployment";

    private readonly IObjectStore<Pod> pods;
    private readonly IObjectStore<Deployment> deployments;
    private readonly IKubeClient client;
    private readonly IEventRecorder events;
    private readonly DynoCycleSettings settings;
    private readonly TimeProvider time;

    public DynoCycleReconciler(
        IObjectStore<Pod> pods, IObjectStore<Deployment> deployments, IKubeClient client, IEventRecorder events, DynoCycleSettings? settings = null, TimeProvider? time = null)
    {
        this.pods = pods ?? throw new ArgumentNullException(nameof(pods));
        this.deployments = deployments ?? throw new ArgumentNullException(nameof(deployments));
        this.client = client ?? throw new ArgumentNullException(nameof(client));
        this.events = events ?? throw new ArgumentNullException(nameof(events));
        this.settings = settings ?? DynoCycleSettings.Heroku;
        this.time = time ?? TimeProvider.System;
    }

    /// <summary>The key of the Deployment a dyno belongs to, from its <c>paas.dev/app</c> and <c>paas.dev/process-type</c> labels.</summary>
    public static IEnumerable<ObjectKey> DeploymentOf(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        var labels = pod.Metadata.Labels;
        return labels?.GetValueOrDefault(PaasLabels.App) is { Length: > 0 } app && labels.GetValueOrDefault(PaasLabels.ProcessType) is { Length: > 0 } type
            ? [new ObjectKey(pod.Metadata.Namespace, ProcessTypeNames.ObjectName(app, type))]
            : [];
    }

    public async Task<ReconcileResult> ReconcileAsync(ObjectKey key, CancellationToken cancellationToken)
    {
        if (deployments.Get(key) is not { Metadata.DeletionTimestamp: null } deployment)
        {
            return ReconcileResult.Success;
        }

        var plan = DynoCyclePlanner.Plan(pods.ByIndex(ByDeployment, key.ToString()), time.GetUtcNow(), settings, deployment.Spec?.Replicas ?? 1);
        if (plan.Restart is { } pod)
        {
            // A plain delete: the pod's own terminationGracePeriodSeconds applies, SIGTERM then SIGKILL as on Heroku.
            await client.DeleteAsync<Pod>(
                pod.Metadata.Name!, pod.Metadata.Namespace, new DeleteOptions { PreconditionUid = pod.Metadata.Uid, IgnoreNotFound = true }, cancellationToken);
            events.Record(deployment, EventType.Normal, "DynoCycled", "Restart", plan.Reason);
        }

        return plan.LookAgainAfter is { } after ? ReconcileResult.RequeueAfter(after) : ReconcileResult.Success;
    }
}
