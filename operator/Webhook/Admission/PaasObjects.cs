using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Manifests;

namespace Paas.Webhook.Admission;

/// <summary>
/// Reads the object of a review into its paas.dev type straight from the request's bytes, which is what nearly every
/// review needs; only an object that does not read cleanly goes through <see cref="PaasManifest"/> for its exact error.
/// </summary>
internal static class PaasObjects
{
    public static PaasManifest Read(JsonElement json)
    {
        try
        {
            IKubernetesObject? obj = Text(json, "apiVersion") != PaasGroup.ApiVersion ? null : Text(json, "kind") switch
            {
                "App" => json.Deserialize(PaasJsonContext.Default.App),
                "Build" => json.Deserialize(PaasJsonContext.Default.Build),
                "Release" => json.Deserialize(PaasJsonContext.Default.Release),
                "Formation" => json.Deserialize(PaasJsonContext.Default.Formation),
                _ => null,
            };
            if (obj is not null)
            {
                return new PaasManifest([], obj, []);
            }
        }
        catch (JsonException)
        {
            // PaasManifest words the error below.
        }

        return PaasManifest.Read(JsonObject.Create(json) ?? []);
    }

    private static string? Text(JsonElement json, string property) =>
        json.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
