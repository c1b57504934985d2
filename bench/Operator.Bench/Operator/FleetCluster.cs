using Kube.Client;
using Kube.Models;
using Kube.Testing;
using Paas.Platform.Api;
using Paas.Platform.Crds;

namespace Paas.Bench.Operator;

/// <summary>A bench cluster with the paas.dev CRDs installed and the App fleet seeded.</summary>
internal static class FleetCluster
{
    /// <summary>Starts the server, installs the CRDs and seeds <paramref name="apps"/> Apps; returns the cluster and each App's uid by name.</summary>
    public static async Task<(BenchCluster Cluster, IReadOnlyDictionary<string, string> Uids)> StartAsync(
        int apps, KubeApiServerOptions options, CancellationToken cancellationToken)
    {
        // Room for the seed and the run in the watch history, so no informer is sent back to relist by 410 Gone.
        var history = Math.Max(10_000, apps * 20);
        var cluster = await BenchCluster.StartAsync(
            options with { WatchHistoryLimit = history, WatcherBufferSize = history },
            // The benchmark's watch and the test kubelet share this process's CPU with the API server: they read what
            // the operator's informers read, and no more (managedFields are never looked at).
            new KubeClientOptions { JsonResolvers = [PaasJsonContext.Default], UserAgent = "paas-bench/1.0", OmitManagedFieldsFromListsAndWatches = true });
        try
        {
            foreach (var crd in CrdGenerator.CustomResourceDefinitions())
            {
                await cluster.Client.Dynamic.CreateAsync(WellKnownResources.CustomResourceDefinitions, crd.DeepClone().AsObject(), cancellationToken: cancellationToken);
            }

            foreach (var kind in new[] { App.Resource, Release.Resource, Formation.Resource, Build.Resource })
            {
                await WaitServedAsync(cluster.Client, kind, cancellationToken);
            }

            var uids = await AppFleet.SeedAsync(cluster.Client, BenchCluster.Namespace, apps, writers: 8, cancellationToken);
            return (cluster, uids);
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private static async Task WaitServedAsync(KubeClient client, ResourceType kind, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.Dynamic.ListAsync(kind, BenchCluster.Namespace, cancellationToken: cancellationToken);
                return;
            }
            catch (KubeApiException) when (attempt < 200)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }
}
