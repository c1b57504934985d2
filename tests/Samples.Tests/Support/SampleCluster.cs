using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Config;
using Kube.Models;
using Kube.Testing;
using Kube.Testing.Kubectl;
using Paas.Platform.Api;
using Paas.Platform.Crds;
using Paas.Webhook;
using Paas.Webhook.Registration;

namespace Paas.Samples.Tests.Support;

/// <summary>
/// An in-process API server with the paas.dev CRDs generated from the C# types and the operator's admission webhook
/// registered as the chart registers it (reached by URL on 127.0.0.1), so a sample is judged by both, as in a cluster.
/// </summary>
public sealed class SampleCluster : IAsyncLifetime
{
    private readonly string directory = Directory.CreateTempSubdirectory("samples-tests-").FullName;
    private KubeApiServer server = null!;
    private WebhookServer webhook = null!;
    private int namespaces;

    public KubeClient Client { get; private set; } = null!;

    internal KubectlProcess Kubectl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        server = await KubeApiServer.StartAsync();
        var kubeconfig = server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
        Client = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = kubeconfig });
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            await Client.Dynamic.CreateAsync(WellKnownResources.CustomResourceDefinitions, crd.DeepClone().AsObject());
        }

        foreach (var kind in new[] { App.Resource, Build.Resource, Release.Resource, Formation.Resource })
        {
            await Eventually.Async(() => Client.Dynamic.DiscoverAsync(kind.ApiVersion, kind.Kind), found => found.Plural == kind.Plural, $"{kind.Kind} served");
        }

        var operatorNamespace = await NewNamespaceAsync("paas-system");
        var options = new WebhookOptions { ListenAddress = "127.0.0.1:0", Namespace = operatorNamespace, ExtraHostNames = ["127.0.0.1"] };
        webhook = await WebhookServer.StartAsync(options, Client.Dynamic);
        var (validating, mutating) = WebhookConfigurations.Render(options with { Url = webhook.BaseAddress }, webhook.CaBundle);
        await Client.Dynamic.CreateAsync(WellKnownResources.ValidatingWebhookConfigurations, validating);
        await Client.Dynamic.CreateAsync(WellKnownResources.MutatingWebhookConfigurations, mutating);
        Kubectl = new KubectlProcess(kubeconfig);
    }

    /// <summary>A fresh namespace, so every sample is applied on its own as a user would apply it.</summary>
    public async Task<string> NewNamespaceAsync(string prefix)
    {
        var name = $"{prefix}-{Interlocked.Increment(ref namespaces)}";
        await Client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        return name;
    }

    public async Task DisposeAsync()
    {
        await webhook.DisposeAsync();
        Client.Dispose();
        await server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }
}
