using System.Text.Json;
using Kube.Client;
using Paas.Platform.Api;

namespace Paas.Webhook.Lookup;

/// <summary>Reads Apps and Releases straight from the API server, one GET each.</summary>
public sealed class KubePaasObjectReader(IDynamicKubeClient client) : IPaasObjectReader
{
    public async ValueTask<App?> GetAppAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        (await client.TryGetAsync(App.Resource, name, @namespace, cancellationToken))?.Deserialize(PaasJsonContext.Default.App);

    public async ValueTask<Release?> GetReleaseAsync(string @namespace, string name, CancellationToken cancellationToken) =>
        (await client.TryGetAsync(Release.Resource, name, @namespace, cancellationToken))?.Deserialize(PaasJsonContext.Default.Release);
}
