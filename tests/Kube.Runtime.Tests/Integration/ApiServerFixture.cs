using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Kube.Models;
using Kube.Runtime.Tests.Support;
using Kube.Testing;

namespace Kube.Runtime.Tests.Integration;

/// <summary>One in-process API server per test class, and clients configured from the kubeconfig it writes.</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{

    private readonly string directory = Directory.CreateTempSubdirectory("kube-runtime-tests-").FullName;
    private readonly List<KubeClient> clients = [];

    public KubeApiServer Server { get; private set; } = null!;

    public KubeClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync();
        Client = NewClient();
    }

    public async Task DisposeAsync()
    {
        clients.ForEach(client => client.Dispose());
        await Server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    /// <summary>A separate client (own connections), built from a kubeconfig as the operator builds one.</summary>
    public KubeClient NewClient()
    {
        var path = Server.WriteKubeconfig(Path.Combine(directory, $"kubeconfig-{Guid.NewGuid():N}"));
        var client = KubeClientFactory.Create(
            new KubeConfigLoadOptions { KubeconfigPath = path },
            new KubeClientOptions
            {
                JsonResolvers = [TestJsonContext.Default],
                Retry = new KubeRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(50) },
            });
        lock (clients)
        {
            clients.Add(client);
        }

        return client;
    }

    /// <summary>A fresh namespace, so tests do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = $"rt-{Guid.NewGuid().ToString("N")[..10]}";
        await Client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        return name;
    }
}
