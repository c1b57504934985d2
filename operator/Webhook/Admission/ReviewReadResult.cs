namespace Paas.Webhook.Admission;

/// <summary>A request read from an HTTP body, or why the body is not one we can answer (a 400).</summary>
public sealed record ReviewReadResult(AdmissionRequest? Request, string? Problem)
{
    public static ReviewReadResult Bad(string problem) => new(null, problem);
}
