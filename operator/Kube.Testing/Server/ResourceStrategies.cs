using System.Text.Json.Nodes;
using Kube.Testing.Lifecycle;
using Kube.Testing.Resources;

namespace Kube.Testing.Server;

/// <summary>What the real API server (or its built-in controllers) sets on particular kinds as they are written.</summary>
internal static class ResourceStrategies
{
    private static readonly ResourceKey Secrets = new("", "secrets");

    public static void BeforeCommit(ResourceDefinition resource, JsonObject candidate, string now)
    {
        if (resource.Key == BuiltInResources.CustomResourceDefinitions)
        {
            CustomResourceDefinitions.SetStatus(candidate, now);
        }
        else if (resource.Key == Secrets)
        {
            MergeStringData(candidate);
        }
        else if (resource.Key == BuiltInResources.Namespaces)
        {
            var name = ObjectMetadata.String(candidate, "name") ?? "";
            if (ObjectMetadata.Of(candidate)["labels"] is not JsonObject labels)
                ObjectMetadata.Of(candidate)["labels"] = labels = [];
            labels["kubernetes.io/metadata.name"] = name;
            if (candidate["spec"] is null)
                candidate["spec"] = new JsonObject { ["finalizers"] = new JsonArray("kubernetes") };
            if (candidate["metadata"]?["deletionTimestamp"] is null)
                candidate["status"] = new JsonObject { ["phase"] = "Active" };
        }
    }

    /// <summary>A Secret's write-only stringData is merged into data (base64) and never stored, as the API server does.</summary>
    private static void MergeStringData(JsonObject secret)
    {
        if (secret["stringData"] is not JsonObject stringData)
            return;
        if (secret["data"] is not JsonObject data)
            secret["data"] = data = [];
        foreach (var (key, value) in stringData)
            data[key] = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(value?.ToString() ?? ""));
        secret.Remove("stringData");
    }
}
