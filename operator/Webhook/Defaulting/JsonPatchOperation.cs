using System.Text.Json.Nodes;

namespace Paas.Webhook.Defaulting;

/// <summary>One RFC 6902 operation of a defaulting patch.</summary>
/// <param name="Op"><c>add</c> or <c>replace</c>.</param>
/// <param name="Path">An RFC 6901 JSON Pointer.</param>
/// <param name="Value">The value to set.</param>
public sealed record JsonPatchOperation(string Op, string Path, JsonNode? Value)
{
    /// <summary>Escapes one object key for a JSON Pointer (RFC 6901: "~" as "~0", "/" as "~1").</summary>
    public static string Escape(string key) => key.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);
}
