using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Validation;

namespace Paas.Platform.Manifests;

/// <summary>One paas.dev object read from a manifest: the typed object, or why it could not be read.</summary>
/// <param name="Json">The document as JSON.</param>
/// <param name="Object">An <see cref="App"/>, <see cref="Build"/>, <see cref="Release"/> or <see cref="Formation"/>; null when <paramref name="Errors"/> say why.</param>
/// <param name="Errors">Why the document is not a readable paas.dev object.</param>
public sealed record PaasManifest(JsonObject Json, IKubernetesObject? Object, IReadOnlyList<ValidationError> Errors)
{
    /// <summary>Reads every document of a YAML (or JSON) stream.</summary>
    public static IReadOnlyList<PaasManifest> ReadYaml(string yaml) =>
        [.. YamlJson.ReadDocuments(yaml).Select(d => d is JsonObject obj ? Read(obj) : NotAnObject(d))];

    /// <summary>Reads one object, e.g. an AdmissionReview's <c>request.object</c>.</summary>
    public static PaasManifest Read(JsonObject json)
    {
        var apiVersion = (json["apiVersion"] as JsonValue)?.ToString();
        var kind = (json["kind"] as JsonValue)?.ToString();
        if (apiVersion != PaasGroup.ApiVersion)
        {
            return Fail(json, ValidationError.Invalid("apiVersion", Quote.Of(apiVersion ?? ""), $"paas.dev objects have apiVersion {PaasGroup.ApiVersion}", $"set apiVersion: {PaasGroup.ApiVersion}"));
        }

        try
        {
            IKubernetesObject? obj = kind switch
            {
                "App" => json.Deserialize(PaasJsonContext.Default.App),
                "Build" => json.Deserialize(PaasJsonContext.Default.Build),
                "Release" => json.Deserialize(PaasJsonContext.Default.Release),
                "Formation" => json.Deserialize(PaasJsonContext.Default.Formation),
                _ => null,
            };
            return obj is null
                ? Fail(json, ValidationError.Invalid("kind", Quote.Of(kind ?? ""), "paas.dev kinds are App, Build, Release and Formation", "set kind to one of them"))
                : new PaasManifest(json, obj, []);
        }
        catch (JsonException e)
        {
            var field = e.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : kind ?? "object";
            return Fail(json, ValidationError.Because(field, $"the {kind} does not match its schema: {e.Message.Split(" Path:")[0]}", "compare it with docs/api-reference.md"));
        }
    }

    private static PaasManifest NotAnObject(JsonNode? document) =>
        Fail([], ValidationError.Because("document", $"a manifest document must be an object, this one is {document?.GetValueKind().ToString().ToLowerInvariant() ?? "null"}", "write one object per YAML document, separated by ---"));

    private static PaasManifest Fail(JsonObject json, ValidationError error) => new(json, null, [error]);
}
