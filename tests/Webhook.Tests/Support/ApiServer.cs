using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Kube.Models;
using Kube.Testing;

namespace Paas.Webhook.Tests.Support;

/// <summary>An in-process Kubernetes API server and a client for it, from the kubeconfig it writes.</summary>
public sealed class ApiServer : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("webhook-tests-").FullName;
    private int namespaces;

    public KubeApiServer Server { get; private set; } = null!;

    public KubeClient Client { get; private set; } = null!;

    public string Kubeconfig { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync();
        Kubeconfig = Server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"), @namespace: "team-a");
        Client = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = Kubeconfig });
    }

    /// <summary>A fresh namespace, so tests that share the server do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync(string prefix = "ns")
    {
        var name = $"{prefix}-{Interlocked.Increment(ref namespaces)}";
        await Client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        return name;
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
