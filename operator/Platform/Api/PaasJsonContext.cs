using System.Text.Json;
using System.Text.Json.Serialization;
using Kube.Models;

namespace Paas.Platform.Api;

/// <summary>Source-generated JSON metadata for the paas.dev kinds and their lists.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(App))]
[JsonSerializable(typeof(Build))]
[JsonSerializable(typeof(Release))]
[JsonSerializable(typeof(Formation))]
[JsonSerializable(typeof(KubeList<App>))]
[JsonSerializable(typeof(KubeList<Build>))]
[JsonSerializable(typeof(KubeList<Release>))]
[JsonSerializable(typeof(KubeList<Formation>))]
public sealed partial class PaasJsonContext : JsonSerializerContext;

/// <summary>Serializer options for paas.dev objects together with the Kubernetes metadata types.</summary>
public static class PaasJson
{
    /// <summary>Options that resolve the paas.dev kinds and Kube.Models types; camelCase, nulls omitted.</summary>
    public static JsonSerializerOptions Options { get; } = KubeJson.CreateOptions(PaasJsonContext.Default);
}
