using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Kube.Models;
using Kube.Testing;

namespace Paas.Bench;

/// <summary>A fresh in-process API server with a client for it and a namespace to work in.</summary>
internal sealed class BenchCluster : IAsyncDisposable
{

    private readonly string kubeconfigDirectory;

    private BenchCluster(KubeApiServer server, KubeClient client, string kubeconfigDirectory)
    {
        Server = server;
        Client = client;
        this.kubeconfigDirectory = kubeconfigDirectory;
    }

    /// <summary>A kubeconfig for the server, for clients in other processes.</summary>
    public string KubeconfigPath => Path.Combine(kubeconfigDirectory, "kubeconfig");

    public KubeApiServer Server { get; }

    public KubeClient Client { get; }

    public const string Namespace = "bench";

    public static async Task<BenchCluster> StartAsync(KubeApiServerOptions? options = null, KubeClientOptions? clientOptions = null)
    {
        var server = await KubeApiServer.StartAsync(options);
        var directory = Directory.CreateTempSubdirectory("paas-bench-").FullName;
        var client = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = server.WriteKubeconfig(Path.Combine(directory, "kubeconfig")) }, clientOptions);
        await client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = Namespace } });
        return new BenchCluster(server, client, directory);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(kubeconfigDirectory, recursive: true);
    }
}
