using System.Text;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Runtime.Cache;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Paas.Controllers.Config;

/// <summary>
/// Resolves an App's config vars the one way every controller must agree on: spec.configFrom in order, later entries
/// winning, then spec.config over all. Secrets come from the informer cache; ConfigMaps, which the operator does not
/// cache, from the API server.
/// </summary>
public sealed class AppConfigResolver
{
    private static readonly ResourceType ConfigMaps = new(string.Empty, "v1", "ConfigMap", "configmaps", Namespaced: true);
    private readonly IObjectStore<Secret> secrets;
    private readonly KubeClient client;

    public AppConfigResolver(IObjectStore<Secret> secrets, KubeClient client)
    {
        this.secrets = secrets ?? throw new ArgumentNullException(nameof(secrets));
        this.client = client ?? throw new ArgumentNullException(nameof(client));
    }

    public async Task<ResolvedConfig> ResolveAsync(App app, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(app);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = app.Spec.ConfigFrom ?? [];
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i].SecretRef is { } secretRef)
            {
                if (secrets.Get(new ObjectKey(app.Metadata.Namespace, secretRef.Name)) is not { } secret)
                {
                    return new ResolvedConfig(ConfigSnapshot.Empty, $"spec.configFrom[{i}].secretRef: Secret \"{secretRef.Name}\" does not exist in namespace {app.Metadata.Namespace}; create it or remove the entry.");
                }

                foreach (var (name, bytes) in secret.Data ?? new Dictionary<string, byte[]>())
                {
                    values[name] = Encoding.UTF8.GetString(bytes);
                }
            }
            else if (sources[i].ConfigMapRef is { } mapRef)
            {
                var map = await client.Dynamic.TryGetAsync(ConfigMaps, mapRef.Name, app.Metadata.Namespace, cancellationToken);
                if (map is null)
                {
                    return new ResolvedConfig(ConfigSnapshot.Empty, $"spec.configFrom[{i}].configMapRef: ConfigMap \"{mapRef.Name}\" does not exist in namespace {app.Metadata.Namespace}; create it or remove the entry.");
                }

                foreach (var (name, value) in map["data"] as JsonObject ?? [])
                {
                    values[name] = (string?)value ?? string.Empty;
                }
            }
        }

        foreach (var (name, value) in app.Spec.Config ?? new Dictionary<string, string>())
        {
            values[name] = value;
        }

        return new ResolvedConfig(ConfigSnapshot.Of(values), null);
    }
}
