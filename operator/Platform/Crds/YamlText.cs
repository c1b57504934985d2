using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using YamlDotNet.Serialization;

namespace Paas.Platform.Crds;

/// <summary>Writes a JSON tree as block YAML, keeping key order and quoting strings that YAML would read as another type.</summary>
internal static class YamlText
{
    public static string From(JsonNode node)
    {
        var serializer = new SerializerBuilder()
            .WithQuotingNecessaryStrings()
            .WithIndentedSequences()
            .Build();
        return serializer.Serialize(ToPlain(node));
    }

    private static object? ToPlain(JsonNode? node) => node switch
    {
        null => null,
        JsonObject obj => ToMap(obj),
        JsonArray array => array.Select(ToPlain).ToList(),
        JsonValue value => value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => NumberOf(value.ToJsonString()),
            _ => null,
        },
        _ => throw new NotSupportedException(node.GetType().Name),
    };

    // A JsonValue keeps the CLR type it was made from (int, long, double); its JSON text is the common ground.
    private static object NumberOf(string json) =>
        long.TryParse(json, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole)
            ? whole
            : double.Parse(json, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static OrderedDictionary<string, object?> ToMap(JsonObject obj)
    {
        var map = new OrderedDictionary<string, object?>();
        foreach (var (key, value) in obj)
        {
            map.Add(key, ToPlain(value));
        }

        return map;
    }
}
