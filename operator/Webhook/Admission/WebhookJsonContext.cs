using System.Text.Json.Serialization;

namespace Paas.Webhook.Admission;

/// <summary>Source-generated JSON for AdmissionReviews; camelCase, nulls omitted, as Kubernetes writes them.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(AdmissionReview))]
[JsonSerializable(typeof(Defaulting.JsonPatchOperation))]
[JsonSerializable(typeof(IReadOnlyList<Defaulting.JsonPatchOperation>))]
internal sealed partial class WebhookJsonContext : JsonSerializerContext;
