using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>
/// Reads and writes metav1.MicroTime: RFC 3339 in UTC with exactly six fractional digits, because the API server
/// parses that layout strictly and rejects the seven digits System.Text.Json writes by default.
/// </summary>
public sealed class MicroTimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Layout = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    /// <summary>The MicroTime text of a moment, for hand-built patches.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Layout, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A MicroTime must be a string such as 2024-01-02T03:04:05.000000Z.");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
