using System.Text;
using System.Text.Json.Nodes;

namespace Paas.Webhook.Tests.Support;

/// <summary>Reads the parts of an AdmissionResponse the tests look at.</summary>
internal static class Answers
{
    public static bool Allowed(this JsonObject response) => (bool?)response["allowed"] == true;

    public static string Message(this JsonObject response) => (string?)response["status"]?["message"] ?? "";

    public static int? Code(this JsonObject response) => (int?)response["status"]?["code"];

    public static List<string> Warnings(this JsonObject response) =>
        [.. (response["warnings"] as JsonArray ?? []).Select(w => (string)w!)];

    /// <summary>The decoded JSON Patch, or an empty array when there is none.</summary>
    public static JsonArray Patch(this JsonObject response)
    {
        if ((string?)response["patch"] is not { } encoded)
        {
            return [];
        }

        ((string?)response["patchType"]).Should().Be("JSONPatch");
        return JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(encoded)))!.AsArray();
    }
}
