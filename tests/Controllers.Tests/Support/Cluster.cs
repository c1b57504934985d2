using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Testing;
using Paas.Platform.Api;
using Paas.Platform.Crds;

namespace Paas.Controllers.Tests.Support;

/// <summary>An in-process API server with the paas.dev CRDs, shared by a test class; each test takes its own namespace.</summary>
public sealed class Cluster : IAsyncLifetime
{
    /// <summary>The digest-pinned image the sample Releases run.</summary>
    public const string Image = "registry.example/shop@sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private readonly List<KubeClient> clients = [];

    public KubeApiServer Server { get; private set; } = null!;

    public KubeClient Client { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync();
        Client = NewClient().Client;
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            await Client.Dynamic.CreateAsync(WellKnownResources.CustomResourceDefinitions, crd.DeepClone().AsObject());
        }

        foreach (var kind in new[] { App.Resource, Build.Resource, Release.Resource, Formation.Resource })
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        await Client.Dynamic.ListAsync(kind, "default");
                        return true;
                    }
                    catch (KubeApiException)
                    {
                        return false;
                    }
                },
                $"{kind.Kind} is served");
        }
    }

    public async Task DisposeAsync()
    {
        clients.ForEach(client => client.Dispose());
        await Server.DisposeAsync();
    }

    /// <summary>A client on its own connections whose requests are counted.</summary>
    internal (KubeClient Client, CountingHandler Requests) NewClient()
    {
        var counter = new CountingHandler(new SocketsHttpHandler());
        var client = new KubeClient(counter, Server.BaseAddress, new KubeClientOptions
        {
            JsonResolvers = [PaasJsonContext.Default],
            Retry = new KubeRetryOptions { MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(20) },
        });
        lock (clients)
        {
            clients.Add(client);
        }

        return (client, counter);
    }

    /// <summary>Creates App <c>shop</c> with its first Release, <c>shop-v1</c>, as a first deploy would leave them.</summary>
    public async Task<App> CreateAppWithFirstReleaseAsync(string ns)
    {
        var app = await Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns } });
        await Client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = "shop-v1", Namespace = ns, Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
            Spec = new ReleaseSpec { App = "shop", Version = 1, Image = Image, ProcessTypes = new Dictionary<string, string> { ["web"] = "bin/web" } },
        });
        return app;
    }

    public async Task<string> NewNamespaceAsync()
    {
        var name = $"ct-{Guid.NewGuid().ToString("N")[..10]}";
        await Client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        return name;
    }
}
