using System.Text.Json.Nodes;

namespace Paas.Platform.Crds;

/// <summary>Schemas of the Kubernetes types a CRD embeds, written as the API server expects them.</summary>
internal static class KnownSchemas
{
    public static JsonObject ApiVersion() => new()
    {
        ["description"] = "APIVersion defines the versioned schema of this representation of an object: paas.dev/v1alpha1.",
        ["type"] = "string",
    };

    public static JsonObject Kind() => new()
    {
        ["description"] = "Kind is a string value representing the REST resource this object represents.",
        ["type"] = "string",
    };

    // The API server validates metadata itself; a CRD schema may only say it is an object.
    public static JsonObject ObjectMeta() => new() { ["type"] = "object" };

    public static JsonObject Condition() => new()
    {
        ["description"] = "One aspect of the object's state (metav1.Condition).",
        ["type"] = "object",
        ["properties"] = new JsonObject
        {
            ["lastTransitionTime"] = new JsonObject
            {
                ["description"] = "When the condition last changed from one status to another.",
                ["type"] = "string",
                ["format"] = "date-time",
            },
            ["message"] = new JsonObject
            {
                ["description"] = "What happened, for humans.",
                ["type"] = "string",
                ["maxLength"] = 32768,
            },
            ["observedGeneration"] = new JsonObject
            {
                ["description"] = "The metadata.generation the condition was set for.",
                ["type"] = "integer",
                ["format"] = "int64",
                ["minimum"] = 0,
            },
            ["reason"] = new JsonObject
            {
                ["description"] = "Why, as a CamelCase word programs can match on.",
                ["type"] = "string",
                ["maxLength"] = 1024,
                ["pattern"] = "^[A-Za-z]([A-Za-z0-9_,:]*[A-Za-z0-9_])?$",
            },
            ["status"] = new JsonObject
            {
                ["description"] = "True, False or Unknown.",
                ["type"] = "string",
                ["enum"] = new JsonArray("True", "False", "Unknown"),
            },
            ["type"] = new JsonObject
            {
                ["description"] = "The aspect, e.g. Ready.",
                ["type"] = "string",
                ["maxLength"] = 316,
            },
        },
        ["required"] = new JsonArray("status", "type"),
    };
}
