using System.Text.Json.Nodes;
using Kube.Testing.Admission;
using Kube.Testing.Server;

namespace Kube.Testing.Tests.Admission;

/// <summary>Builds webhook configurations and admission requests for the chain tests.</summary>
internal static class AdmissionFixture
{
    public static readonly ResourceContext Deployments = new("apps", "v1", "Deployment", "deployments", true, null);

    public static JsonObject Json(string text) => JsonNode.Parse(text)!.AsObject();

    public static JsonObject Webhook(string name, Uri url, string? caBundle, Action<JsonObject>? customise = null)
    {
        var clientConfig = new JsonObject { ["url"] = url.ToString() };
        if (caBundle is not null)
        {
            clientConfig["caBundle"] = caBundle;
        }
        var webhook = new JsonObject
        {
            ["name"] = name,
            ["clientConfig"] = clientConfig,
            ["rules"] = Json("""{"r":[{"operations":["CREATE","UPDATE"],"apiGroups":["apps"],"apiVersions":["v1"],"resources":["deployments"]}]}""")["r"]!.DeepClone(),
            ["admissionReviewVersions"] = new JsonArray("v1"),
            ["sideEffects"] = "None",
        };
        customise?.Invoke(webhook);
        return webhook;
    }

    public static JsonObject Configuration(string name, params JsonObject[] webhooks) => new()
    {
        ["apiVersion"] = "admissionregistration.k8s.io/v1",
        ["metadata"] = new JsonObject { ["name"] = name },
        ["webhooks"] = new JsonArray(webhooks.Select(w => (JsonNode)w).ToArray()),
    };

    public static JsonObject Deployment(string name = "web", string labels = "{}") =>
        Json($$$"""{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"{{{name}}}","namespace":"team-a","labels":{{{labels}}} },"spec":{"replicas":1}}""");

    public static AdmissionAttributes Create(JsonObject obj, JsonObject[]? mutating = null, JsonObject[]? validating = null, ResourceContext? resource = null, string operation = "CREATE") =>
        new(resource ?? Deployments, operation, "team-a", (string?)obj["metadata"]?["name"], obj, null, false, mutating ?? [], validating ?? []);

    public static AdmissionChain Chain(Dictionary<string, Dictionary<string, string>>? namespaces = null, WebhookServiceResolver? resolver = null, bool allowHttp = false) =>
        new((name, _) => Task.FromResult<IReadOnlyDictionary<string, string>?>(namespaces?.GetValueOrDefault(name)),
            resolver ?? (service => throw new InvalidOperationException($"no service {service.Name} in this test")),
            new AdmissionChainOptions { AllowInsecureHttp = allowHttp });
}
