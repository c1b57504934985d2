namespace Paas.Webhook.Admission;

/// <summary>The <c>admission.k8s.io/v1</c> AdmissionReview envelope: a request from the API server, or our response to it.</summary>
public sealed record AdmissionReview
{
    public const string V1 = "admission.k8s.io/v1";

    public const string ReviewKind = "AdmissionReview";

    public string? ApiVersion { get; init; }

    public string? Kind { get; init; }

    public AdmissionRequest? Request { get; init; }

    public AdmissionResponse? Response { get; init; }

    /// <summary>The review that carries <paramref name="response"/> back, in the version the request came in.</summary>
    public static AdmissionReview Answer(AdmissionResponse response) =>
        new() { ApiVersion = V1, Kind = ReviewKind, Response = response };
}
