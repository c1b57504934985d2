using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Paas.Platform.Api;

namespace Paas.Controllers.Dynos;

/// <summary>Wires daily dyno cycling into a host: an informer for the operator's pods and the <see cref="DynoCycleReconciler"/>.</summary>
public static class DynoCycling
{
    /// <summary>
    /// Adds a pod informer (label selector <c>paas.dev/app</c>, so only dynos are cached) and the dyno controller, which
    /// looks at a process type whenever one of its pods or its Deployment changes and at each dyno's deadline.
    /// </summary>
    public static ControllerHost AddTo(
        ControllerHost host,
        IKubeClient client,
        Informer<Deployment> deployments,
        IEventRecorder events,
        string? @namespace = null,
        ILoggerFactory? loggers = null,
        DynoCycleSettings? settings = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(deployments);
        var pods = new Informer<Pod>(client, new InformerOptions { Namespace = @namespace, LabelSelector = PaasLabels.App }, loggers?.CreateLogger("informer.pods"));
        pods.UseTransform(Slim);
        pods.AddIndexer(DynoCycleReconciler.ByDeployment, pod => DynoCycleReconciler.DeploymentOf(pod).Select(key => key.ToString()));
        var reconciler = new DynoCycleReconciler(pods.Store, deployments.Store, client, events, settings, time);
        var controller = new Controller("dynos", reconciler, logger: loggers?.CreateLogger("controller.dynos"), timeProvider: time)
            .Watches(pods, DynoCycleReconciler.DeploymentOf)
            .Watches(deployments, deployment => [ObjectKey.From(deployment)]);
        return host.Add(pods).Add(controller);
    }

    /// <summary>
    /// A dyno as the cache keeps it: metadata and status, which are all cycling reads. The spec (image, command, env,
    /// probes, resources) is most of a pod and there is one per dyno in the cluster.
    /// </summary>
    public static Pod Slim(Pod pod)
    {
        ArgumentNullException.ThrowIfNull(pod);
        return pod.Spec is null ? pod : pod with { Spec = null };
    }
}
