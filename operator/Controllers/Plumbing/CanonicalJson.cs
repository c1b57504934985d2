using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Paas.Controllers.Plumbing;

/// <summary>A stable hash of a JSON value: object keys sorted, so equal objects hash alike however they were built.</summary>
internal static class CanonicalJson
{
    public static string Hash(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }

    private static void Write(JsonNode? node, StringBuilder text)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Append('{');
                foreach (var (key, value) in obj.OrderBy(pair => pair.Key, StringComparer.Ordinal))
                {
                    text.Append(JsonValue.Create(key).ToJsonString()).Append(':');
                    Write(value, text);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case JsonArray array:
                text.Append('[');
                foreach (var item in array)
                {
                    Write(item, text);
                    text.Append(',');
                }

                text.Append(']');
                break;
            case null:
                text.Append("null");
                break;
            default:
                text.Append(node.ToJsonString());
                break;
        }
    }
}
