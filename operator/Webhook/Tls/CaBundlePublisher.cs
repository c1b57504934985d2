using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Microsoft.Extensions.Logging;

namespace Paas.Webhook.Tls;

/// <summary>
/// Writes the CA bundle into <c>webhooks[*].clientConfig.caBundle</c> of a webhook configuration. A merge patch would
/// replace the whole webhooks list, so this reads, changes and writes back with the resourceVersion it read.
/// </summary>
internal sealed class CaBundlePublisher(IDynamicKubeClient client, ILogger logger)
{
    private const int Attempts = 5;

    /// <summary>Returns whether the configuration now carries the bundle; false when it does not exist.</summary>
    public async Task<bool> PublishAsync(ResourceType type, string name, string caBundleBase64, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var configuration = await client.TryGetAsync(type, name, null, cancellationToken);
            if (configuration is null)
            {
                logger.LogWarning("{Kind} {Name} does not exist, so its caBundle cannot be set; the chart creates it", type.Kind, name);
                return false;
            }

            var webhooks = (configuration["webhooks"] as JsonArray ?? []).OfType<JsonObject>().ToList();
            var stale = webhooks.Where(w => (string?)w["clientConfig"]?["caBundle"] != caBundleBase64).ToList();
            if (stale.Count == 0)
            {
                return true;
            }

            foreach (var webhook in stale)
            {
                if (webhook["clientConfig"] is not JsonObject clientConfig)
                {
                    webhook["clientConfig"] = clientConfig = [];
                }

                clientConfig["caBundle"] = caBundleBase64;
            }

            try
            {
                await client.ReplaceAsync(type, configuration, cancellationToken);
                logger.LogInformation("Set the caBundle of {Count} webhook(s) in {Kind} {Name}", stale.Count, type.Kind, name);
                return true;
            }
            catch (ConflictException) when (attempt < Attempts)
            {
                // Someone else wrote it in between (another replica, or helm); read again.
            }
        }
    }
}
