using System.Text.Json;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Crds;

namespace Paas.Platform.Manifests;

/// <summary>Kubernetes and paas.dev objects as one multi-document YAML stream, as <c>kubectl apply -f -</c> reads it.</summary>
public static class ManifestYaml
{
    private static readonly JsonSerializerOptions Options = KubeJson.CreateOptions(PaasJsonContext.Default);

    /// <summary>The objects as YAML documents separated by <c>---</c>, in the order given.</summary>
    public static string Write(IEnumerable<IKubernetesObject> objects) =>
        string.Join("---\n", objects.Select(o => YamlText.From(JsonSerializer.SerializeToNode(o, o.GetType(), Options)!)));
}
