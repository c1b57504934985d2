using System.Text.Json;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Tests.Rendering;

/// <summary>Kubernetes objects as one multi-document YAML text, the way kubectl would receive them.</summary>
internal static class RenderedYaml
{
    private static readonly JsonSerializerOptions Options = KubeJson.CreateOptions();

    public static string Of(IEnumerable<IKubernetesObject> objects) =>
        string.Join("---\n", objects.Select(o => YamlText.From(JsonSerializer.SerializeToNode(o, o.GetType(), Options)!)));
}
