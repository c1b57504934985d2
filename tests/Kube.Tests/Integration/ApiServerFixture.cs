using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Kube.Models;
using Kube.Testing;
using Kube.Tests.Support;

namespace Kube.Tests.Integration;

/// <summary>One in-process API server per test class, a client configured from the kubeconfig it writes, and the Widget CRD.</summary>
public sealed class ApiServerFixture : IAsyncLifetime
{

    public const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.dev
        spec:
          group: example.dev
          scope: Cluster
          names: {plural: widgets, singular: widget, kind: Widget, listKind: WidgetList}
          versions:
          - name: v1alpha1
            served: true
            storage: true
            subresources:
              status: {}
            schema:
              openAPIV3Schema:
                type: object
                properties:
                  spec:
                    type: object
                    properties:
                      size: {type: integer}
                  status:
                    type: object
                    properties:
                      phase: {type: string}
        """;

    private readonly TempDirectory _dir = new();
    private int _namespaces;

    public KubeApiServer Server { get; private set; } = null!;

    public KubeClient Client { get; private set; } = null!;

    public List<KubeRetryAttempt> Retries { get; } = [];

    public async Task InitializeAsync()
    {
        Server = await KubeApiServer.StartAsync();
        Client = ClientFor(Server, Retries);
        var crd = ManifestYaml.Parse(WidgetCrd, "widget-crd.yaml").Single();
        var crds = await Client.Dynamic.DiscoverAsync("apiextensions.k8s.io/v1", "CustomResourceDefinition");
        await Client.Dynamic.ApplyAsync(crds, crd, new ApplyOptions("kube-tests"));
        await Eventually.Async(async () => (await Client.Dynamic.DiscoverAsync("example.dev/v1alpha1", "Widget")) == Widget.Resource);
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        _dir.Dispose();
    }

    /// <summary>A client loaded the way the operator loads one: from a kubeconfig file.</summary>
    public KubeClient ClientFor(KubeApiServer server, List<KubeRetryAttempt>? retries = null)
    {
        var path = server.WriteKubeconfig(Path.Combine(_dir.Path, $"kubeconfig-{Guid.NewGuid():N}"));
        return KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = path }, new KubeClientOptions
        {
            JsonResolvers = [TestJsonContext.Default],
            Retry = new KubeRetryOptions
            {
                TimeProvider = new ManualClock(),
                OnRetry = attempt => { if (retries is not null) { lock (retries) { retries.Add(attempt); } } },
            },
        });
    }

    /// <summary>A fresh namespace, so tests do not see each other's objects.</summary>
    public async Task<string> NewNamespaceAsync()
    {
        var name = $"test-{Interlocked.Increment(ref _namespaces)}-{Guid.NewGuid().ToString("N")[..6]}";
        await Client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        return name;
    }
}

/// <summary>Polls for an eventual condition with a generous deadline instead of sleeping a fixed time.</summary>
public static class Eventually
{
    public static async Task Async(Func<Task<bool>> condition, TimeSpan? deadline = null)
    {
        var until = DateTime.UtcNow + (deadline ?? TimeSpan.FromSeconds(10));
        Exception? last = null;
        while (DateTime.UtcNow < until)
        {
            try
            {
                if (await condition())
                {
                    return;
                }
            }
            catch (Exception e) when (e is KubeApiException or InvalidOperationException)
            {
                last = e;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The condition did not become true within the deadline", last);
    }
}
