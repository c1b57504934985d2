using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Hosting;
using Kube.Runtime.Informers;
using Microsoft.Extensions.Logging;
using Paas.Platform.Api;

namespace Paas.Controllers.Apps;

/// <summary>
/// Informers for what Apps own (Deployments, Services, Ingresses, HPAs, PDBs) and for Formations. The owned kinds
/// are listed and watched with the label selector <c>paas.dev/app</c>, so the cache holds the operator's objects only,
/// not every Deployment or Service of the cluster.
/// </summary>
public sealed class WorkloadInformers
{
    public WorkloadInformers(IKubeClient client, string? @namespace, ILoggerFactory? loggers = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        var owned = new InformerOptions { Namespace = @namespace, LabelSelector = PaasLabels.App };
        Deployments = Owned<Deployment>(client, owned, loggers, "deployments");
        Services = Owned<Service>(client, owned, loggers, "services");
        Ingresses = Owned<Ingress>(client, owned, loggers, "ingresses");
        Autoscalers = Owned<HorizontalPodAutoscaler>(client, owned, loggers, "autoscalers");
        DisruptionBudgets = Owned<PodDisruptionBudget>(client, owned, loggers, "disruptionbudgets");
        Formations = new Informer<Formation>(client, new InformerOptions { Namespace = @namespace }, loggers?.CreateLogger("informer.formations"));
        Stores = new WorkloadStores(Deployments.Store, Services.Store, Ingresses.Store, Autoscalers.Store, DisruptionBudgets.Store, Formations.Store);
    }

    public Informer<Deployment> Deployments { get; }

    public Informer<Service> Services { get; }

    public Informer<Ingress> Ingresses { get; }

    public Informer<HorizontalPodAutoscaler> Autoscalers { get; }

    public Informer<PodDisruptionBudget> DisruptionBudgets { get; }

    public Informer<Formation> Formations { get; }

    public WorkloadStores Stores { get; }

    /// <summary>Makes a change to any owned object or to a Formation reconcile its App on <paramref name="appController"/>.</summary>
    public Controller ReconcileOwnersOn(Controller appController)
    {
        ArgumentNullException.ThrowIfNull(appController);
        return appController
            .Owns<Deployment, App>(Deployments)
            .Owns<Service, App>(Services)
            .Owns<Ingress, App>(Ingresses)
            .Owns<HorizontalPodAutoscaler, App>(Autoscalers)
            .Owns<PodDisruptionBudget, App>(DisruptionBudgets)
            .Watches(Formations, formation => [new ObjectKey(formation.Metadata.Namespace, formation.Spec.App)]);
    }

    /// <summary>Adds every informer to <paramref name="host"/>.</summary>
    public ControllerHost AddTo(ControllerHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        return host.Add(Deployments).Add(Services).Add(Ingresses).Add(Autoscalers).Add(DisruptionBudgets).Add(Formations);
    }

    private static Informer<T> Owned<T>(IKubeClient client, InformerOptions options, ILoggerFactory? loggers, string name)
        where T : class, IKubernetesObject<T>
    {
        var informer = new Informer<T>(client, options, loggers?.CreateLogger("informer." + name));
        informer.AddIndexer(WorkloadStores.ByApp, obj => WorkloadStores.IndexByApp(obj));
        return informer;
    }
}
