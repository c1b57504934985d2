using System.Text.Json.Nodes;

namespace Kube.Runtime.Tests.Support;

/// <summary>RFC 7386 JSON merge patch, for the fake client.</summary>
internal static class MergePatch
{
    public static JsonNode Apply(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject)
        {
            return patch?.DeepClone()!;
        }

        var result = target is JsonObject targetObject ? (JsonObject)targetObject.DeepClone() : [];
        foreach (var (name, value) in patchObject)
        {
            if (value is null)
            {
                result.Remove(name);
            }
            else
            {
                result[name] = Apply(result[name], value);
            }
        }

        return result;
    }
}
