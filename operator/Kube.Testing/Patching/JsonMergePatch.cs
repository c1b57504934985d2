using System.Text.Json.Nodes;

namespace Kube.Testing.Patching;

/// <summary>RFC 7386 JSON merge patch: objects merge recursively, null deletes, anything else replaces (lists too).</summary>
internal static class JsonMergePatch
{
    public static JsonNode? Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
            return patch?.DeepClone();
        var result = target is JsonObject targetObject ? targetObject.DeepClone().AsObject() : [];
        foreach (var (key, value) in patchObject)
        {
            if (value is null)
                result.Remove(key);
            else
                result[key] = Apply(result[key], value);
        }
        return result;
    }
}
