using System.Text.Json;
using System.Text.Json.Serialization;
using Kube.Models;

namespace Kube.Client;

/// <summary>Reads <c>managedFields</c> as absent without building its entries; never used for writing.</summary>
internal sealed class SkippedManagedFields : JsonConverter<IReadOnlyList<ManagedFieldsEntry>>
{
    public static readonly SkippedManagedFields Instance = new();

    public override bool HandleNull => true;

    public override IReadOnlyList<ManagedFieldsEntry>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        reader.Skip();
        return null;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<ManagedFieldsEntry> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("Objects read without managedFields are not written back with these options.");
}
