using System.Globalization;
using System.Text.Json.Nodes;

namespace Kube.Testing.Apply;

/// <summary>Reads and writes <c>metadata.managedFields</c> in Kubernetes' FieldsV1 form.</summary>
internal static class ManagedFieldsCodec
{
    public static List<ManagedFieldsEntry> Read(JsonObject? obj) => Read(obj?["metadata"]?["managedFields"] as JsonArray);

    public static List<ManagedFieldsEntry> Read(JsonArray? managedFields)
    {
        var entries = new List<ManagedFieldsEntry>();
        foreach (var node in managedFields ?? [])
        {
            if (node is not JsonObject entry || entry["manager"] is null)
            {
                continue; // an empty entry ({}) is how a client asks to clear managed fields
            }
            entries.Add(new ManagedFieldsEntry(
                (string)entry["manager"]!,
                (string?)entry["operation"] ?? ManagedFieldsEntry.UpdateOperation,
                (string?)entry["apiVersion"] ?? "",
                (string?)entry["time"],
                (string?)entry["subresource"],
                FieldSet.FromFieldsV1(entry["fieldsV1"] as JsonObject)));
        }
        return entries;
    }

    /// <summary>Stores the entries on the object, leaving out empty ones; no entries removes the field.</summary>
    public static void Write(JsonObject obj, IEnumerable<ManagedFieldsEntry> entries)
    {
        if (obj["metadata"] is not JsonObject metadata)
        {
            metadata = new JsonObject();
            obj["metadata"] = metadata;
        }
        var array = new JsonArray();
        foreach (var entry in entries.Where(entry => !entry.Fields.IsEmpty))
        {
            var json = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
            };
            if (entry.Time is not null)
            {
                json["time"] = entry.Time;
            }
            json["fieldsType"] = "FieldsV1";
            json["fieldsV1"] = entry.Fields.ToFieldsV1();
            if (entry.Subresource is not null)
            {
                json["subresource"] = entry.Subresource;
            }
            array.Add(json);
        }
        if (array.Count == 0)
        {
            metadata.Remove("managedFields");
        }
        else
        {
            metadata["managedFields"] = array;
        }
    }

    public static string FormatTime(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
