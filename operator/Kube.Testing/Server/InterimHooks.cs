using System.Text.Json.Nodes;
using Kube.Testing.Lifecycle;

namespace Kube.Testing.Server;

// Stand-ins until the real engines (Apply/, Schema/, Admission/) land; WriteHookComposition is the one line that picks them.

/// <summary>Interim server-side apply: merges the applied object into the live one; no field ownership, so no conflicts.</summary>
internal sealed class InterimFieldManager : IFieldManager
{
    public FieldManagerResult Apply(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject applied, string manager, bool force, DateTimeOffset now)
    {
        var merged = live?.DeepClone().AsObject() ?? [];
        MergeInto(merged, applied, [], schema);
        return new FieldManagerResult(Record(merged, resource, manager, "Apply", now), []);
    }

    public JsonObject Update(ResourceContext resource, IResourceSchema schema, JsonObject? live, JsonObject updated, string manager, DateTimeOffset now) =>
        Record(updated, resource, manager, "Update", now);

    private static void MergeInto(JsonObject target, JsonObject source, List<string> path, IResourceSchema schema)
    {
        foreach (var (key, value) in source)
        {
            path.Add(key);
            if (value is JsonObject sourceChild && target[key] is JsonObject targetChild)
                MergeInto(targetChild, sourceChild, path, schema);
            else if (value is JsonArray sourceList && target[key] is JsonArray targetList && schema.ListMapKeys(path) is { Count: > 0 } keys)
                target[key] = MergeListByKeys(targetList, sourceList, keys, path, schema);
            else
                target[key] = value?.DeepClone();
            path.RemoveAt(path.Count - 1);
        }
    }

    private static JsonArray MergeListByKeys(JsonArray live, JsonArray applied, IReadOnlyList<string> keys, List<string> path, IResourceSchema schema)
    {
        var result = new JsonArray([.. live.Select(i => i?.DeepClone())]);
        foreach (var item in applied.OfType<JsonObject>())
        {
            var match = result.OfType<JsonObject>().FirstOrDefault(existing => keys.All(k => JsonNode.DeepEquals(existing[k], item[k])));
            if (match is null)
                result.Add(item.DeepClone());
            else
                MergeInto(match, item, path, schema);
        }
        return result;
    }

    /// <summary>Keeps one managedFields entry per manager and operation, without field sets.</summary>
    private static JsonObject Record(JsonObject obj, ResourceContext resource, string manager, string operation, DateTimeOffset now)
    {
        var metadata = ObjectMetadata.Of(obj);
        var entries = metadata["managedFields"] as JsonArray ?? [];
        var kept = entries.OfType<JsonObject>()
            .Where(e => e["manager"]?.ToString() != manager || e["operation"]?.ToString() != operation || e["subresource"]?.ToString() != resource.Subresource)
            .Select(e => e.DeepClone()).ToList();
        var entry = new JsonObject
        {
            ["manager"] = manager,
            ["operation"] = operation,
            ["apiVersion"] = resource.ApiVersion,
            ["time"] = ObjectMetadata.Timestamp(now),
            ["fieldsType"] = "FieldsV1",
            ["fieldsV1"] = new JsonObject(),
        };
        if (resource.Subresource is not null)
            entry["subresource"] = resource.Subresource;
        kept.Add(entry);
        metadata["managedFields"] = new JsonArray([.. kept]);
        return obj;
    }
}

/// <summary>Interim schemas: no validation, defaulting or pruning; list keys only for the best-known built-in lists.</summary>
internal sealed class InterimSchemaProvider : ISchemaProvider
{
    public IResourceSchema For(ResourceContext resource, JsonObject? crd) => InterimSchema.Instance;
}

/// <summary>A schema that accepts everything.</summary>
internal sealed class InterimSchema : IResourceSchema
{
    public static InterimSchema Instance { get; } = new();

    private static readonly Dictionary<string, string[]> KnownListKeys = new(StringComparer.Ordinal)
    {
        ["containers"] = ["name"],
        ["initContainers"] = ["name"],
        ["env"] = ["name"],
        ["volumes"] = ["name"],
        ["volumeMounts"] = ["mountPath"],
        ["ports"] = ["containerPort"],
        ["conditions"] = ["type"],
        ["ownerReferences"] = ["uid"],
    };

    public void ApplyDefaults(JsonObject obj)
    {
    }

    public void Prune(JsonObject obj)
    {
    }

    public IReadOnlyList<FieldError> Validate(JsonObject obj, JsonObject? old) => [];

    public IReadOnlyList<string>? ListMapKeys(IReadOnlyList<string> path)
    {
        if (path.Count == 0)
            return null;
        var last = path[^1];
        // A Service's ports merge by port, a container's by containerPort.
        if (last == "ports" && path.Count >= 2 && path[^2] == "spec")
            return ["port"];
        return KnownListKeys.GetValueOrDefault(last);
    }
}

/// <summary>Interim admission: allows everything unchanged.</summary>
internal sealed class AllowAllAdmission : IAdmissionChain
{
    public Task<AdmissionResult> AdmitAsync(AdmissionAttributes attributes, CancellationToken cancellationToken) =>
        Task.FromResult(new AdmissionResult(true, attributes.Object, 200, null, []));
}
