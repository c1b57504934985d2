using System.Text.Json.Nodes;
using Paas.Platform.Api;
using Paas.Webhook.Http;

namespace Paas.Webhook.Registration;

/// <summary>
/// The ValidatingWebhookConfiguration and MutatingWebhookConfiguration that route paas.dev writes to this webhook,
/// as the chart renders them. Validation covers all four kinds; defaulting only Apps and Formations, the kinds with defaults.
/// </summary>
public static class WebhookConfigurations
{
    public const string ValidatingWebhookName = "validate.paas.dev";

    public const string MutatingWebhookName = "default.paas.dev";

    /// <summary>Both configurations; <paramref name="caBundleBase64"/> is left out when null (cert-manager fills it in).</summary>
    public static (JsonObject Validating, JsonObject Mutating) Render(WebhookOptions options, string? caBundleBase64 = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var validating = Configuration("ValidatingWebhookConfiguration", options, Webhook(ValidatingWebhookName, WebhookEndpoints.ValidatePath, ["apps", "builds", "releases", "formations"], options, caBundleBase64));
        var mutatingWebhook = Webhook(MutatingWebhookName, WebhookEndpoints.MutatePath, ["apps", "formations"], options, caBundleBase64);
        mutatingWebhook["reinvocationPolicy"] = "Never";
        return (validating, Configuration("MutatingWebhookConfiguration", options, mutatingWebhook));
    }

    private static JsonObject Configuration(string kind, WebhookOptions options, JsonObject webhook)
    {
        var metadata = new JsonObject
        {
            ["name"] = options.ConfigurationName,
            ["labels"] = new JsonObject { ["app.kubernetes.io/name"] = "paas-operator", ["app.kubernetes.io/component"] = "webhook" },
        };
        if (options.TlsMode == WebhookTlsMode.CertManager)
        {
            metadata["annotations"] = new JsonObject { ["cert-manager.io/inject-ca-from"] = $"{options.Namespace}/{options.CertManagerCertificateName}" };
        }

        return new JsonObject
        {
            ["apiVersion"] = "admissionregistration.k8s.io/v1",
            ["kind"] = kind,
            ["metadata"] = metadata,
            ["webhooks"] = new JsonArray(webhook),
        };
    }

    private static JsonObject Webhook(string name, string path, string[] resources, WebhookOptions options, string? caBundleBase64)
    {
        var clientConfig = options.Url is { } url
            ? new JsonObject { ["url"] = new Uri(url, path).ToString() }
            : new JsonObject
            {
                ["service"] = new JsonObject
                {
                    ["namespace"] = options.Namespace,
                    ["name"] = options.ServiceName,
                    ["path"] = path,
                    ["port"] = options.ServicePort,
                },
            };
        if (caBundleBase64 is not null)
        {
            clientConfig["caBundle"] = caBundleBase64;
        }

        return new JsonObject
        {
            ["name"] = name,
            ["admissionReviewVersions"] = new JsonArray("v1"),
            ["clientConfig"] = clientConfig,
            ["rules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray(PaasGroup.Name),
                ["apiVersions"] = new JsonArray(PaasGroup.Version),
                ["operations"] = new JsonArray("CREATE", "UPDATE"),
                ["resources"] = new JsonArray([.. resources.Select(r => (JsonNode)r)]),
                ["scope"] = "Namespaced",
            }),
            ["failurePolicy"] = "Fail",
            ["matchPolicy"] = "Equivalent",
            ["sideEffects"] = "None",
            ["timeoutSeconds"] = Math.Clamp(options.TimeoutSeconds, 1, 30),
        };
    }
}
