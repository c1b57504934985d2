using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Paas.Controllers.Plumbing;

/// <summary>A stable hash of a JSON value: object keys sorted, so equal objects hash alike however they were built.</summary>
/// <remarks>
/// Every applied child and every status write is hashed on every reconcile, so the canonical text is written as UTF-8
/// straight into one growable buffer. Its form (each member and item followed by a comma, strings escaped as
/// System.Text.Json escapes them) is kept as it was, so hashes already stored on live objects stay valid.
/// </remarks>
internal static class CanonicalJson
{
    public static string Hash(JsonNode? node)
    {
        var text = new ArrayBufferWriter<byte>(4096);
        Write(node, text);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(text.WrittenSpan, hash);
        return Convert.ToHexStringLower(hash)[..16];
    }

    /// <summary>The canonical text itself, for tests and diagnostics.</summary>
    internal static string Text(JsonNode? node)
    {
        var text = new ArrayBufferWriter<byte>(1024);
        Write(node, text);
        return Encoding.UTF8.GetString(text.WrittenSpan);
    }

    private static void Write(JsonNode? node, ArrayBufferWriter<byte> text)
    {
        switch (node)
        {
            case JsonObject obj:
                text.Write("{"u8);
                var keys = new string[obj.Count];
                var i = 0;
                foreach (var (key, _) in obj)
                {
                    keys[i++] = key;
                }

                Array.Sort(keys, StringComparer.Ordinal);
                foreach (var key in keys)
                {
                    WriteString(key, text);
                    text.Write(":"u8);
                    Write(obj[key], text);
                    text.Write(","u8);
                }

                text.Write("}"u8);
                break;
            case JsonArray array:
                text.Write("["u8);
                foreach (var item in array)
                {
                    Write(item, text);
                    text.Write(","u8);
                }

                text.Write("]"u8);
                break;
            case null:
                text.Write("null"u8);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String && value.TryGetValue<string>(out var s):
                WriteString(s, text);
                break;
            default:
                text.Write(Encoding.UTF8.GetBytes(node.ToJsonString()));
                break;
        }
    }

    /// <summary>A quoted string as System.Text.Json's default encoder writes it; plain ASCII is copied as is.</summary>
    private static void WriteString(string value, ArrayBufferWriter<byte> text)
    {
        text.Write("\""u8);
        if (NeedsNoEscaping(value))
        {
            var span = text.GetSpan(value.Length);
            var written = Encoding.ASCII.GetBytes(value, span);
            text.Advance(written);
        }
        else
        {
            text.Write(JsonEncodedText.Encode(value).EncodedUtf8Bytes);
        }

        text.Write("\""u8);
    }

    /// <summary>Printable ASCII that the default JavaScriptEncoder leaves alone (it escapes HTML-sensitive characters too).</summary>
    private static bool NeedsNoEscaping(string value)
    {
        foreach (var c in value)
        {
            if (c < 0x20 || c > 0x7E || c is '"' or '\\' or '<' or '>' or '&' or '\'' or '+' or '`')
            {
                return false;
            }
        }

        return true;
    }
}
