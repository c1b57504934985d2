using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Kube.Models;

/// <summary>
/// Writes metav1.Time the way the API server does, RFC 3339 in UTC with a <c>Z</c>
/// (<c>2024-01-02T03:04:05Z</c>), instead of System.Text.Json's <c>+00:00</c> offset. Custom resource status is
/// stored as written, so without this kubectl, Argo CD and k9s would show a form no built-in object has.
/// Fractional seconds are kept when a value has them, so a value read back compares equal to the one written.
/// </summary>
public sealed class TimeJsonConverter : JsonConverter<DateTimeOffset>
{
    private const string Layout = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>The metav1.Time text of a moment.</summary>
    public static string Format(DateTimeOffset value) => value.UtcDateTime.ToString(Layout, CultureInfo.InvariantCulture);

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? throw new JsonException("A time must be an RFC 3339 string such as 2024-01-02T03:04:05Z.");
        return DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(Format(value));
    }
}
