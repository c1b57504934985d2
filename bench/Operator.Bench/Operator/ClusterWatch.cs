using System.Collections.Concurrent;
using System.Diagnostics;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Informers;
using Paas.Platform.Api;

namespace Paas.Bench.Operator;

/// <summary>
/// What the benchmark sees of the operator's work, through its own informers on Deployments, Services and Apps:
/// when all of them exist and are Ready, and when a Deployment first carries a given config snapshot.
/// </summary>
internal sealed class ClusterWatch : IAsyncDisposable
{
    private readonly Informer<Deployment> deployments;
    private readonly Informer<Service> services;
    private readonly Informer<App> apps;
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentDictionary<(string Deployment, string Secret), TaskCompletionSource<long>> awaited = new();
    private readonly Task running;
    private readonly string @namespace;

    public ClusterWatch(KubeClient client, string @namespace)
    {
        this.@namespace = @namespace;
        var options = new InformerOptions { Namespace = @namespace };
        deployments = new Informer<Deployment>(client, options);
        services = new Informer<Service>(client, options);
        apps = new Informer<App>(client, options);
        deployments.AddHandler(new InformerHandler<Deployment>(added: OnDeployment, updated: (_, current) => OnDeployment(current)));
        running = Task.WhenAll(deployments.RunAsync(stop.Token), services.RunAsync(stop.Token), apps.RunAsync(stop.Token));
    }

    public int Deployments => deployments.Store.List().Count;

    public int Services => services.Store.List().Count;

    public int ReadyApps => apps.Store.List().Count(IsReady);

    /// <summary>Apps whose Released condition is True, to tell how far the operator got when it never reports Ready.</summary>
    public int ReleasedApps => apps.Store.List().Count(app => HasCondition(app, ConditionTypes.Released));

    public async Task WaitForSyncAsync(CancellationToken cancellationToken)
    {
        await deployments.WaitForSyncAsync(cancellationToken);
        await services.WaitForSyncAsync(cancellationToken);
        await apps.WaitForSyncAsync(cancellationToken);
    }

    public static bool IsReady(App app) => HasCondition(app, ConditionTypes.Ready);

    /// <summary>Completes with the Stopwatch timestamp at which Deployment <paramref name="name"/> first refers to Secret <paramref name="secret"/>.</summary>
    public Task<long> WhenDeploymentUses(string name, string secret)
    {
        var seen = awaited.GetOrAdd((name, secret), _ => new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously));
        if (deployments.Store.Get(new ObjectKey(@namespace, name)) is { } live)
        {
            OnDeployment(live);
        }

        return seen.Task;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try
        {
            await running;
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }

    private static bool HasCondition(App app, string type) =>
        app.Status?.Conditions?.Any(c => c.Type == type && c.Status == "True" && c.ObservedGeneration == app.Metadata.Generation) == true;

    private void OnDeployment(Deployment deployment)
    {
        foreach (var key in awaited.Keys)
        {
            if (key.Deployment == deployment.Metadata.Name && UsesSecret(deployment, key.Secret) && awaited.TryRemove(key, out var seen))
            {
                seen.TrySetResult(Stopwatch.GetTimestamp());
            }
        }
    }

    private static bool UsesSecret(Deployment deployment, string secret) =>
        deployment.Spec?.Template?.Spec?.Containers?.Any(c => c.EnvFrom?.Any(e => e.SecretRef?.Name == secret) == true) == true;
}
