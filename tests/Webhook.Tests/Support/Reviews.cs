using System.Text.Json.Nodes;

namespace Paas.Webhook.Tests.Support;

/// <summary>AdmissionReview requests shaped as the API server sends them.</summary>
internal static class Reviews
{
    public static JsonObject Create(JsonObject obj, string uid = "7f1c1c2e-create") => Review("CREATE", obj, null, uid);

    public static JsonObject Update(JsonObject old, JsonObject updated, string uid = "7f1c1c2e-update", string? subResource = null) =>
        Review("UPDATE", updated, old, uid, subResource);

    public static JsonObject Delete(JsonObject old, string uid = "7f1c1c2e-delete") => Review("DELETE", null, old, uid);

    public static JsonObject Review(string operation, JsonObject? obj, JsonObject? old, string uid, string? subResource = null)
    {
        var source = obj ?? old!;
        var kind = (string)source["kind"]!;
        var request = new JsonObject
        {
            ["uid"] = uid,
            ["kind"] = new JsonObject { ["group"] = "paas.dev", ["version"] = "v1alpha1", ["kind"] = kind },
            ["resource"] = new JsonObject { ["group"] = "paas.dev", ["version"] = "v1alpha1", ["resource"] = kind.ToLowerInvariant() + "s" },
            ["name"] = (string?)source["metadata"]?["name"],
            ["namespace"] = (string?)source["metadata"]?["namespace"] ?? "team-a",
            ["operation"] = operation,
            ["userInfo"] = new JsonObject { ["username"] = "dev@example.com" },
            ["object"] = obj?.DeepClone(),
            ["oldObject"] = old?.DeepClone(),
            ["dryRun"] = false,
        };
        if (subResource is not null)
        {
            request["subResource"] = subResource;
        }

        return new JsonObject { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["request"] = request };
    }
}
