using System.Text.Json;
using System.Text.Json.Serialization;
using Paas.Platform.Dynos;

namespace Paas.Host.Running.Settings;

/// <summary>
/// Reads <c>dynoSizes</c> as a list of sizes merged into Heroku's table: a listed name replaces Heroku's size of that
/// name, a new name is added, and the sizes not listed stay, so a values file only lists what it changes.
/// </summary>
internal sealed class DynoSizeTableConverter : JsonConverter<DynoSizeTable>
{
    public override DynoSizeTable Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var sizes = JsonSerializer.Deserialize<DynoSize[]>(ref reader, options) ?? [];
        try
        {
            return DynoSizeTable.Default.WithOverrides(sizes);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message.Split(" (Parameter", 2)[0], e);
        }
    }

    public override void Write(Utf8JsonWriter writer, DynoSizeTable value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value.Sizes, options);
}
