using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Testing.Server;

namespace Kube.Testing.Admission;

/// <summary>One webhook of a configuration: decides whether it applies to a request and calls it.</summary>
internal sealed class AdmissionWebhook(JsonObject definition, bool mutating)
{
    public string Name { get; } = (string?)definition["name"] ?? "";

    public bool FailOpen => (string?)definition["failurePolicy"] == "Ignore";

    private TimeSpan Timeout => TimeSpan.FromSeconds(Math.Clamp((int?)definition["timeoutSeconds"] ?? 10, 1, 30));

    public async Task<bool> AppliesToAsync(AdmissionAttributes attributes, JsonObject? current, NamespaceLabelLookup namespaceLabels, CancellationToken cancellationToken)
    {
        if (!WebhookRules.Match(definition, attributes.Resource, attributes.Operation))
        {
            return false;
        }
        var objectSelector = definition["objectSelector"] as JsonObject;
        if (!LabelSelector.Matches(objectSelector, LabelSelector.LabelsOf(current))
            && !(attributes.OldObject is not null && LabelSelector.Matches(objectSelector, LabelSelector.LabelsOf(attributes.OldObject))))
        {
            return false;
        }
        return await MatchesNamespaceAsync(attributes, current, namespaceLabels, cancellationToken);
    }

    // Cluster-scoped objects ignore namespaceSelector, except Namespaces themselves, which are matched on their own labels.
    private async Task<bool> MatchesNamespaceAsync(AdmissionAttributes attributes, JsonObject? current, NamespaceLabelLookup namespaceLabels, CancellationToken cancellationToken)
    {
        if (definition["namespaceSelector"] is not JsonObject selector)
        {
            return true;
        }
        var resource = attributes.Resource;
        if (resource.Group.Length == 0 && resource.Plural == "namespaces")
        {
            return LabelSelector.Matches(selector, LabelSelector.LabelsOf(current ?? attributes.OldObject));
        }
        if (!resource.Namespaced || attributes.Namespace is null)
        {
            return true;
        }
        var labels = await namespaceLabels(attributes.Namespace, cancellationToken) ?? new Dictionary<string, string>();
        return LabelSelector.Matches(selector, labels);
    }

    public async Task<WebhookVerdict> CallAsync(AdmissionAttributes attributes, JsonObject? current, AdmissionChainOptions options,
        WebhookServiceResolver resolveService, CancellationToken cancellationToken)
    {
        CheckCanBeCalled(attributes);
        var uid = Guid.NewGuid().ToString();
        var review = AdmissionReviewBuilder.Build(attributes, current, uid, options.UserInfo);
        if (!WebhookMatchConditions.AllMatch(definition, review["request"]!.AsObject()))
        {
            return new WebhookVerdict(true, null, 200, "", []); // not called: a match condition is false
        }
        var clientConfig = definition["clientConfig"] as JsonObject ?? throw new WebhookCallException("the webhook has no clientConfig");
        var url = Target(clientConfig, options, resolveService);
        var reply = await WebhookTransport.PostAsync(url, (string?)clientConfig["caBundle"], Timeout, review, cancellationToken);
        return Read(reply, uid);
    }

    private void CheckCanBeCalled(AdmissionAttributes attributes)
    {
        var versions = (definition["admissionReviewVersions"] as JsonArray)?.Select(v => (string?)v).ToList();
        if (versions is not null && !versions.Contains("v1"))
        {
            throw new WebhookCallException($"webhook does not accept known AdmissionReview versions (v1): it accepts {string.Join(", ", versions)}");
        }
        if (attributes.DryRun && (string?)definition["sideEffects"] is not ("None" or "NoneOnDryRun"))
        {
            throw new WebhookCallException("this webhook has side effects and does not support dry run (sideEffects must be None or NoneOnDryRun)");
        }
    }

    private static Uri Target(JsonObject clientConfig, AdmissionChainOptions options, WebhookServiceResolver resolveService)
    {
        if ((string?)clientConfig["url"] is { } text)
        {
            if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || !(url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && options.AllowInsecureHttp)))
            {
                throw new WebhookCallException($"clientConfig.url \"{text}\" must be an absolute https:// URL");
            }
            return url;
        }
        if (clientConfig["service"] is JsonObject service)
        {
            var reference = new WebhookService((string?)service["namespace"] ?? "", (string?)service["name"] ?? "", (int?)service["port"] ?? 443, (string?)service["path"]);
            var baseUrl = resolveService(reference);
            return new Uri(baseUrl, reference.Path ?? "/");
        }
        throw new WebhookCallException("clientConfig needs a url or a service");
    }

    private WebhookVerdict Read(JsonObject reply, string uid)
    {
        if ((string?)reply["apiVersion"] != "admission.k8s.io/v1" || (string?)reply["kind"] != "AdmissionReview")
        {
            throw new WebhookCallException($"expected webhook response of admission.k8s.io/v1, Kind=AdmissionReview, got {(string?)reply["apiVersion"]}, Kind={(string?)reply["kind"]}");
        }
        var response = reply["response"] as JsonObject ?? throw new WebhookCallException("webhook response was absent");
        var answeredUid = (string?)response["uid"];
        if (answeredUid != uid)
        {
            throw new WebhookCallException($"expected response.uid=\"{uid}\", got \"{answeredUid}\"");
        }
        var warnings = (response["warnings"] as JsonArray ?? []).Select(w => (string?)w).OfType<string>().ToList();
        var allowed = response["allowed"] is JsonValue value && value.GetValueKind() == JsonValueKind.True;
        if (!allowed)
        {
            var status = response["status"] as JsonObject;
            var code = (int?)status?["code"] is int c and > 0 ? c : 403;
            var message = (string?)status?["message"];
            var text = string.IsNullOrEmpty(message)
                ? $"admission webhook \"{Name}\" denied the request without explanation"
                : $"admission webhook \"{Name}\" denied the request: {message}";
            return new WebhookVerdict(false, null, code, text, warnings);
        }
        return new WebhookVerdict(true, mutating ? ReadPatch(response) : null, 200, "", warnings);
    }

    private static JsonArray? ReadPatch(JsonObject response)
    {
        if ((string?)response["patch"] is not { Length: > 0 } encoded)
        {
            return null;
        }
        if ((string?)response["patchType"] != "JSONPatch")
        {
            throw new WebhookCallException($"unsupported patchType \"{(string?)response["patchType"]}\": only JSONPatch is allowed");
        }
        try
        {
            return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded))) as JsonArray
                ?? throw new WebhookCallException("the patch is not a JSON array of operations");
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            throw new WebhookCallException($"the patch is not base64-encoded JSON: {error.Message}", error);
        }
    }
}
