using System.Text.Json;
using Paas.Platform.Api;

namespace Paas.Webhook.Admission;

/// <summary>
/// Reads an AdmissionReview body and checks it is one this webhook answers: v1, a request with a uid and an operation,
/// a paas.dev kind, and the objects the operation needs. Anything else is a bad request with a message saying what is wrong.
/// </summary>
public static class AdmissionReviewReader
{
    private static readonly string[] Kinds = ["App", "Build", "Release", "Formation"];
    private static readonly string[] Operations = ["CREATE", "UPDATE", "DELETE", "CONNECT"];

    public static ReviewReadResult Read(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return ReviewReadResult.Bad("the request body is empty; POST an admission.k8s.io/v1 AdmissionReview as JSON");
        }

        AdmissionReview? review;
        try
        {
            review = JsonSerializer.Deserialize(body, WebhookJsonContext.Default.AdmissionReview);
        }
        catch (JsonException error)
        {
            return ReviewReadResult.Bad($"the request body is not an AdmissionReview in JSON: {error.Message}");
        }

        return review is null ? ReviewReadResult.Bad("the request body is JSON null; POST an admission.k8s.io/v1 AdmissionReview") : Check(review);
    }

    private static ReviewReadResult Check(AdmissionReview review)
    {
        if (review.ApiVersion != AdmissionReview.V1)
        {
            return ReviewReadResult.Bad($"apiVersion is \"{review.ApiVersion}\", and this webhook answers only {AdmissionReview.V1}; set admissionReviewVersions: [v1] in the webhook configuration");
        }

        if (review.Kind != AdmissionReview.ReviewKind)
        {
            return ReviewReadResult.Bad($"kind is \"{review.Kind}\", expected {AdmissionReview.ReviewKind}");
        }

        if (review.Request is not { } request)
        {
            return ReviewReadResult.Bad("the AdmissionReview has no request");
        }

        if (string.IsNullOrEmpty(request.Uid))
        {
            return ReviewReadResult.Bad("request.uid is missing; the API server sets it and expects it back in response.uid");
        }

        if (request.Operation is not { } operation || !Operations.Contains(operation))
        {
            return ReviewReadResult.Bad($"request.operation is \"{request.Operation}\", expected one of {string.Join(", ", Operations)}");
        }

        if (request.Kind is not { } kind || kind.Group != PaasGroup.Name || !Kinds.Contains(kind.Kind))
        {
            var seen = request.Kind is { } k ? $"{k.Group}/{k.Version}, Kind={k.Kind}" : "missing";
            return ReviewReadResult.Bad($"request.kind is {seen}, and this webhook handles only {PaasGroup.Name} {string.Join(", ", Kinds)}; check the rules of the webhook configuration");
        }

        if (operation is "CREATE" or "UPDATE" && request.Object is not { ValueKind: JsonValueKind.Object })
        {
            return ReviewReadResult.Bad($"request.object is {Describe(request.Object)}, and a {operation} must carry the object");
        }

        if (operation == "UPDATE" && request.OldObject is not { ValueKind: JsonValueKind.Object })
        {
            return ReviewReadResult.Bad($"request.oldObject is {Describe(request.OldObject)}, and an UPDATE must carry the stored object");
        }

        return new ReviewReadResult(request, null);
    }

    private static string Describe(JsonElement? element) =>
        element is not { } value || value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? "missing" : $"a JSON {value.ValueKind.ToString().ToLowerInvariant()}, not an object";
}
