using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;

namespace Kube.Client;

/// <summary>
/// Reads a list answer one item at a time: only one item's JSON tree exists at once, instead of a tree of the whole
/// page, which for 500 Deployments is tens of megabytes that an informer's first list would otherwise hold at its peak.
/// </summary>
internal static class ListReader
{
    public static KubeList<T> Read<T>(byte[] body, string source, Func<JsonObject, T> materialize)
    {
        string? apiVersion = null, kind = null;
        ListMeta? metadata = null;
        var items = new List<T>();
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw new InvalidDataException($"{source}: the server answered without a JSON object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var property = reader.GetString();
            reader.Read();
            switch (property)
            {
                case "apiVersion" when reader.TokenType == JsonTokenType.String:
                    apiVersion = reader.GetString();
                    break;
                case "kind" when reader.TokenType == JsonTokenType.String:
                    kind = reader.GetString();
                    break;
                case "metadata" when reader.TokenType == JsonTokenType.StartObject:
                    metadata = JsonSerializer.Deserialize(ref reader, KubeJsonContext.Default.ListMeta);
                    break;
                case "items" when reader.TokenType == JsonTokenType.StartArray:
                    ReadItems(ref reader, body, source, materialize, items);
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }

        return new KubeList<T> { ApiVersion = apiVersion, Kind = kind, Metadata = metadata ?? new ListMeta(), Items = items };
    }

    private static void ReadItems<T>(ref Utf8JsonReader reader, byte[] body, string source, Func<JsonObject, T> materialize, List<T> items)
    {
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var end = (int)reader.BytesConsumed;
            var item = JsonNode.Parse(body.AsSpan(start, end - start)) as JsonObject
                ?? throw new InvalidDataException($"{source}: a list item is not a JSON object");
            items.Add(materialize(item));
        }
    }
}
