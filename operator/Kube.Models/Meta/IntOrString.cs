using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>A field that holds either a number or a string such as <c>25%</c> or a port name (intstr.IntOrString).</summary>
[JsonConverter(typeof(IntOrStringJsonConverter))]
public sealed record IntOrString
{
    private IntOrString(int? number, string? text)
    {
        Number = number;
        Text = text;
    }

    public int? Number { get; }

    public string? Text { get; }

    public static IntOrString Of(int number) => new(number, null);

    public static IntOrString Of(string text) => new(null, text);

    public override string ToString() => Text ?? Number!.Value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Writes an <see cref="IntOrString"/> as a bare JSON number or string, as the API expects.</summary>
public sealed class IntOrStringJsonConverter : JsonConverter<IntOrString>
{
    public override IntOrString Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number => IntOrString.Of(reader.GetInt32()),
            JsonTokenType.String => IntOrString.Of(reader.GetString()!),
            _ => throw new JsonException($"an int-or-string field holds a number or a string, not {reader.TokenType}"),
        };

    public override void Write(Utf8JsonWriter writer, IntOrString value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Text is { } text)
        {
            writer.WriteStringValue(text);
        }
        else
        {
            writer.WriteNumberValue(value.Number!.Value);
        }
    }
}
