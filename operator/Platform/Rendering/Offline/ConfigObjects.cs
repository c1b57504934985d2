using System.Text;
using System.Text.Json.Nodes;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Paas.Platform.Rendering.Offline;

/// <summary>
/// The Secrets and ConfigMaps among the manifests, for Apps' spec.configFrom: resolved the way the operator resolves
/// it (entries in order, later ones winning, spec.config over all). Other Kubernetes kinds are left out with a warning.
/// </summary>
internal sealed class ConfigObjects
{
    private readonly Dictionary<(string Kind, string Namespace, string Name), IReadOnlyDictionary<string, string>> values = [];

    /// <summary>True for a Kubernetes object of a group other than paas.dev, which the render verb does not render.</summary>
    public static bool IsOtherKind(JsonObject json) =>
        json["apiVersion"] is JsonValue apiVersion && apiVersion.ToString() != PaasGroup.ApiVersion && json["kind"] is JsonValue;

    public void Add(JsonObject json, string defaultNamespace, List<string> warnings)
    {
        var kind = json["kind"]!.ToString();
        var name = json["metadata"]?["name"]?.ToString() ?? "";
        var @namespace = json["metadata"]?["namespace"]?.ToString() ?? defaultNamespace;
        if (json["apiVersion"]!.ToString() != "v1" || kind is not ("Secret" or "ConfigMap"))
        {
            warnings.Add($"{kind} {name}: left out; render prints what the operator creates for paas.dev objects, and reads only Secrets and ConfigMaps (for spec.configFrom).");
            return;
        }

        var data = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in json["data"] as JsonObject ?? [])
        {
            if (kind == "ConfigMap")
            {
                data[key] = value?.ToString() ?? "";
            }
            else if (Decode(value) is { } decoded)
            {
                data[key] = decoded;
            }
            else
            {
                warnings.Add($"Secret {name}: data.{key} is not base64, so the API server would refuse the Secret; left out (use stringData for plain text).");
            }
        }

        // The API server merges stringData over data when it stores a Secret.
        foreach (var (key, value) in json["stringData"] as JsonObject ?? [])
        {
            data[key] = value?.ToString() ?? "";
        }

        values[(kind, @namespace, name)] = data;
    }

    /// <summary>The values of a Secret among the manifests, e.g. a Release's config snapshot; null when it is not there.</summary>
    public IReadOnlyDictionary<string, string>? SecretData(string? @namespace, string? name) =>
        name is not null && values.TryGetValue(("Secret", @namespace ?? "", name), out var data) ? data : null;

    public ConfigSnapshot Resolve(App app, List<string> warnings)
    {
        var config = new Dictionary<string, string>(StringComparer.Ordinal);
        var sources = app.Spec.ConfigFrom ?? [];
        for (var i = 0; i < sources.Count; i++)
        {
            var (kind, reference) = sources[i].SecretRef is { } secret ? ("Secret", secret.Name) : ("ConfigMap", sources[i].ConfigMapRef?.Name ?? "");
            if (values.TryGetValue((kind, app.Metadata.Namespace!, reference), out var data))
            {
                foreach (var (key, value) in data)
                {
                    config[key] = value;
                }
            }
            else
            {
                warnings.Add($"App {app.Metadata.Name}: spec.configFrom[{i}]: {kind} \"{reference}\" is not among the manifests, so its keys are missing from the rendered config snapshot; add its manifest with -f to include them.");
            }
        }

        foreach (var (key, value) in app.Spec.Config ?? new Dictionary<string, string>())
        {
            config[key] = value;
        }

        return ConfigSnapshot.Of(config);
    }

    private static string? Decode(JsonNode? value)
    {
        try
        {
            return Encoding.UTF8.GetString(Convert.FromBase64String(value?.ToString() ?? ""));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
