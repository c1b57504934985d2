using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Kube.Models;

/// <summary>Source-generated JSON metadata for the types in this assembly.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ObjectMeta))]
[JsonSerializable(typeof(Status))]
[JsonSerializable(typeof(Condition))]
[JsonSerializable(typeof(ListMeta))]
[JsonSerializable(typeof(Lease))]
[JsonSerializable(typeof(Event))]
[JsonSerializable(typeof(Deployment))]
[JsonSerializable(typeof(KubeList<Deployment>))]
[JsonSerializable(typeof(Service))]
[JsonSerializable(typeof(KubeList<Service>))]
[JsonSerializable(typeof(Secret))]
[JsonSerializable(typeof(KubeList<Secret>))]
[JsonSerializable(typeof(Ingress))]
[JsonSerializable(typeof(KubeList<Ingress>))]
[JsonSerializable(typeof(HorizontalPodAutoscaler))]
[JsonSerializable(typeof(KubeList<HorizontalPodAutoscaler>))]
[JsonSerializable(typeof(PodDisruptionBudget))]
[JsonSerializable(typeof(KubeList<PodDisruptionBudget>))]
[JsonSerializable(typeof(Job))]
[JsonSerializable(typeof(KubeList<Job>))]
[JsonSerializable(typeof(Pod))]
[JsonSerializable(typeof(KubeList<Pod>))]
public sealed partial class KubeJsonContext : JsonSerializerContext;

/// <summary>Serializer options for Kubernetes JSON: camelCase names, nulls omitted (an omitted field and a null differ under apply).</summary>
public static class KubeJson
{
    /// <summary>Options that resolve the types of this assembly and of any extra contexts given; times are written as metav1.Time.</summary>
    public static JsonSerializerOptions CreateOptions(params IJsonTypeInfoResolver[] extra) => new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        TypeInfoResolver = JsonTypeInfoResolver.Combine([KubeJsonContext.Default, .. extra]),
        Converters = { new TimeJsonConverter() },
    };
}
