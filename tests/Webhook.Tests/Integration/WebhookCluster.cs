using System.Text.Json.Nodes;
using Kube.Models;
using Kube.Testing.Kubectl;
using Paas.Platform.Api;
using Paas.Platform.Crds;
using Paas.Webhook.Registration;
using Paas.Webhook.Tests.Support;

namespace Paas.Webhook.Tests.Integration;

/// <summary>
/// An API server with the paas.dev CRDs installed and the webhook registered as a chart would register it, except that
/// it is reached through <c>clientConfig.url</c> on 127.0.0.1 (the in-process server has no cluster DNS).
/// </summary>
public sealed class WebhookCluster : IAsyncLifetime
{
    private readonly ApiServer api = new();

    public WebhookServer Webhook { get; private set; } = null!;

    internal KubectlProcess Kubectl { get; private set; } = null!;

    public ApiServer Api => api;

    public async Task InitializeAsync()
    {
        await api.InitializeAsync();
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            await api.Client.Dynamic.CreateAsync(WellKnownResources.CustomResourceDefinitions, crd.DeepClone().AsObject());
        }

        foreach (var kind in new[] { App.Resource, Build.Resource, Release.Resource, Formation.Resource })
        {
            await Eventually.Async(() => api.Client.Dynamic.DiscoverAsync(kind.ApiVersion, kind.Kind), found => found.Plural == kind.Plural, $"{kind.Kind} served");
        }

        var operatorNamespace = await api.NewNamespaceAsync("paas-system");
        await api.Client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "team-a" } });
        var options = new WebhookOptions { ListenAddress = "127.0.0.1:0", Namespace = operatorNamespace, ExtraHostNames = ["127.0.0.1"] };
        Webhook = await WebhookServer.StartAsync(options, api.Client.Dynamic);
        var (validating, mutating) = WebhookConfigurations.Render(options with { Url = Webhook.BaseAddress }, Webhook.CaBundle);
        await api.Client.Dynamic.CreateAsync(WellKnownResources.ValidatingWebhookConfigurations, validating);
        await api.Client.Dynamic.CreateAsync(WellKnownResources.MutatingWebhookConfigurations, mutating);
        Kubectl = new KubectlProcess(api.Kubeconfig);
    }

    public async Task DisposeAsync()
    {
        await Webhook.DisposeAsync();
        await api.DisposeAsync();
    }
}
