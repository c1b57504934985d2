using System.Text.Json.Nodes;
using Kube.Testing.Lifecycle;
using Kube.Testing.Resources;

namespace Kube.Testing.Server;

/// <summary>What the real API server (or its built-in controllers) sets on particular kinds as they are written.</summary>
internal static class ResourceStrategies
{
    public static void BeforeCommit(ResourceDefinition resource, JsonObject candidate, string now)
    {
        if (resource.Key == BuiltInResources.CustomResourceDefinitions)
        {
            CustomResourceDefinitions.SetStatus(candidate, now);
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
}
