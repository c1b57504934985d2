using System.Text.Json.Nodes;
using Kube.Testing.Lifecycle;
using Kube.Testing.Resources;
using Kube.Testing.Storage;

namespace Kube.Testing.Server;

/// <summary>The rules that protect parts of an object on update: status vs main resource, server-owned metadata, generation and finalizers.</summary>
internal static class SubresourceRules
{
    private static readonly string[] ServerOwned =
        ["uid", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds", "generation", "resourceVersion", "name", "namespace"];

    /// <summary>A write to /status changes only status; a write to the main resource leaves status alone (when the subresource exists).</summary>
    public static JsonObject Apply(RequestTarget target, JsonObject live, JsonObject candidate, JsonObject keepManagedFieldsOf)
    {
        if (target.Subresource == "status")
        {
            var result = live.DeepClone().AsObject();
            Replace(result, "status", candidate["status"]);
            var managedFields = keepManagedFieldsOf["metadata"]?["managedFields"];
            if (managedFields is not null)
                ObjectMetadata.Of(result)["managedFields"] = managedFields.DeepClone();
            return result;
        }
        if (target.Resource.HasStatus)
            Replace(candidate, "status", live["status"]);
        return candidate;
    }

    /// <summary>Fields only the server sets are taken from the live object; managedFields too, when the writer left them out.</summary>
    public static void CarryServerMetadata(JsonObject live, JsonObject candidate)
    {
        foreach (var field in ServerOwned)
            ObjectMetadata.Carry(live, candidate, field);
        if (candidate["metadata"]?["managedFields"] is null)
            ObjectMetadata.Carry(live, candidate, "managedFields");
        candidate["apiVersion"] ??= live["apiVersion"]?.DeepClone();
        candidate["kind"] ??= live["kind"]?.DeepClone();
    }

    /// <summary>Kubernetes forbids new finalizers on an object that is already being deleted.</summary>
    public static void CheckFinalizers(ResourceDefinition resource, StoredObject live, JsonObject candidate)
    {
        if (!live.IsDeleting)
            return;
        var added = ObjectMetadata.Finalizers(candidate).Except(live.Finalizers).ToList();
        if (added.Count > 0)
        {
            var list = string.Join(", ", added.Select(f => $"\"{f}\""));
            throw StatusErrors.Invalid(resource, live.Name,
                [new FieldError("metadata.finalizers", "FieldValueForbidden", $"Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{{{list}}}")]);
        }
    }

    /// <summary>generation counts changes of everything but metadata and status.</summary>
    public static void BumpGeneration(ResourceDefinition resource, JsonObject live, JsonObject candidate)
    {
        var generation = live["metadata"]?["generation"]?.GetValue<long>() ?? 1;
        if (resource.TracksGeneration && !JsonNode.DeepEquals(ObjectMetadata.Body(live), ObjectMetadata.Body(candidate)))
            generation++;
        ObjectMetadata.Of(candidate)["generation"] = generation;
    }

    /// <summary>An update that changes nothing but managedFields timestamps is not written (no new resourceVersion, no event).</summary>
    public static bool Unchanged(JsonObject live, JsonObject candidate) =>
        JsonNode.DeepEquals(Normalized(live), Normalized(candidate));

    private static JsonObject Normalized(JsonObject obj)
    {
        var copy = obj.DeepClone().AsObject();
        var metadata = ObjectMetadata.Of(copy);
        metadata.Remove("resourceVersion");
        if (metadata["managedFields"] is JsonArray entries)
        {
            foreach (var entry in entries.OfType<JsonObject>())
                entry.Remove("time");
        }
        return copy;
    }

    private static void Replace(JsonObject target, string field, JsonNode? value)
    {
        if (value is null)
            target.Remove(field);
        else
            target[field] = value.DeepClone();
    }
}
