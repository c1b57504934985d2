using System.Text.Json.Nodes;
using Kube.Testing.Patching;
using Kube.Testing.Server;

namespace Kube.Testing.Admission;

/// <summary>
/// Calls the matching mutating webhooks one after another, applying their patches, then every matching validating webhook;
/// after https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/.
/// </summary>
internal sealed class AdmissionChain(NamespaceLabelLookup namespaceLabels, WebhookServiceResolver resolveService, AdmissionChainOptions? options = null) : IAdmissionChain
{
    private readonly AdmissionChainOptions _options = options ?? new AdmissionChainOptions();

    public async Task<AdmissionResult> AdmitAsync(AdmissionAttributes attributes, CancellationToken cancellationToken)
    {
        var current = attributes.Object?.DeepClone().AsObject();
        var warnings = new List<string>();

        foreach (var webhook in Webhooks(attributes.MutatingWebhookConfigurations, mutating: true))
        {
            if (!await webhook.AppliesToAsync(attributes, current, namespaceLabels, cancellationToken))
            {
                continue;
            }
            var outcome = await CallAsync(webhook, attributes, current, cancellationToken);
            if (outcome.Denial is not null)
            {
                return outcome.Denial with { Warnings = [.. warnings, .. outcome.Denial.Warnings] };
            }
            warnings.AddRange(outcome.Verdict?.Warnings ?? []);
            if (outcome.Verdict?.Patch is { } patch)
            {
                try
                {
                    current = JsonPatch.Apply(current, patch) as JsonObject
                        ?? throw new PatchException("the patch did not leave an object");
                }
                catch (PatchException error)
                {
                    if (!webhook.FailOpen)
                    {
                        return Failed(webhook, $"JSON Patch could not be applied: {error.Message}", warnings);
                    }
                }
            }
        }

        var validating = new List<AdmissionWebhook>();
        foreach (var webhook in Webhooks(attributes.ValidatingWebhookConfigurations, mutating: false))
        {
            if (await webhook.AppliesToAsync(attributes, current, namespaceLabels, cancellationToken))
            {
                validating.Add(webhook);
            }
        }
        // Validating webhooks run in parallel in Kubernetes; all are called, and the first denial in order is reported.
        var outcomes = await Task.WhenAll(validating.Select(webhook => CallAsync(webhook, attributes, current, cancellationToken)));
        foreach (var outcome in outcomes)
        {
            warnings.AddRange(outcome.Verdict?.Warnings ?? outcome.Denial?.Warnings ?? []);
        }
        if (outcomes.FirstOrDefault(outcome => outcome.Denial is not null)?.Denial is { } denial)
        {
            return denial with { Warnings = warnings };
        }
        return new AdmissionResult(true, current, 200, null, warnings);
    }

    private async Task<Outcome> CallAsync(AdmissionWebhook webhook, AdmissionAttributes attributes, JsonObject? current, CancellationToken cancellationToken)
    {
        try
        {
            var verdict = await webhook.CallAsync(attributes, current, _options, resolveService, cancellationToken);
            return verdict.Allowed
                ? new Outcome(verdict, null)
                : new Outcome(verdict, new AdmissionResult(false, null, verdict.Code, verdict.Message, verdict.Warnings));
        }
        catch (WebhookCallException error)
        {
            return webhook.FailOpen ? new Outcome(null, null) : new Outcome(null, Failed(webhook, error.Message, []));
        }
    }

    private static AdmissionResult Failed(AdmissionWebhook webhook, string reason, IReadOnlyList<string> warnings) =>
        new(false, null, 500, $"failed calling webhook \"{webhook.Name}\": {reason}", warnings);

    // Kubernetes orders configurations by name, and webhooks within one as listed.
    private static IEnumerable<AdmissionWebhook> Webhooks(IReadOnlyList<JsonObject> configurations, bool mutating) =>
        configurations
            .OrderBy(configuration => (string?)configuration["metadata"]?["name"], StringComparer.Ordinal)
            .SelectMany(configuration => (configuration["webhooks"] as JsonArray ?? []).OfType<JsonObject>())
            .Select(definition => new AdmissionWebhook(definition, mutating));

    private sealed record Outcome(WebhookVerdict? Verdict, AdmissionResult? Denial);
}
