using System.Globalization;
using System.Text.Json.Nodes;
using Kube.Testing.Resources;
using Kube.Testing.Storage;

namespace Kube.Testing.Tables;

/// <summary>Builds <c>meta.k8s.io/v1 Table</c> responses, the form <c>kubectl get</c> asks for.</summary>
internal sealed class TableBuilder(TimeProvider clock)
{
    private static readonly PrinterColumn NameColumn = new("Name", "string", ".metadata.name", "Name must be unique within a namespace.", 0, "name");
    private static readonly PrinterColumn AgeColumn = new("Age", "date", ".metadata.creationTimestamp", "CreationTimestamp is a timestamp representing the server time when this object was created.", 0);

    /// <summary>The table; <paramref name="includeObject"/> is None, Metadata (default) or Object.</summary>
    public JsonObject Build(ResourceDefinition resource, IEnumerable<StoredObject> objects, long resourceVersion, string? continueToken, int? remaining, string? includeObject)
    {
        var columns = Columns(resource);
        var metadata = new JsonObject { ["resourceVersion"] = resourceVersion.ToString(CultureInfo.InvariantCulture) };
        if (continueToken is not null)
            metadata["continue"] = continueToken;
        if (remaining is not null)
            metadata["remainingItemCount"] = remaining;
        var rows = new JsonArray();
        foreach (var stored in objects)
        {
            var obj = stored.Clone();
            obj["apiVersion"] = resource.ApiVersion;
            var row = new JsonObject { ["cells"] = new JsonArray([.. columns.Select(c => Cell(c, obj))]) };
            var included = ObjectFor(obj, includeObject);
            if (included is not null)
                row["object"] = included;
            rows.Add(row);
        }
        return new JsonObject
        {
            ["kind"] = "Table",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = metadata,
            ["columnDefinitions"] = new JsonArray([.. columns.Select(c => (JsonNode)new JsonObject
            {
                ["name"] = c.Name,
                ["type"] = c.Type,
                ["format"] = c.Format ?? "",
                ["description"] = c.Description,
                ["priority"] = c.Priority,
            })]),
            ["rows"] = rows,
        };
    }

    private static IReadOnlyList<PrinterColumn> Columns(ResourceDefinition resource) =>
        resource.PrinterColumns.Count > 0 ? [NameColumn, .. resource.PrinterColumns] : [NameColumn, AgeColumn];

    private JsonNode? Cell(PrinterColumn column, JsonObject obj)
    {
        var values = JsonPathExpression.Parse(column.JsonPath).Evaluate(obj);
        if (values.Count == 0)
            return null;
        if (column.Type == "date")
        {
            return DateTimeOffset.TryParse(values[0].ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
                ? HumanDuration.Format(clock.GetUtcNow() - time)
                : values[0].ToString();
        }
        if (values.Count == 1 && values[0] is JsonValue value && column.Type is "integer" or "number" or "boolean")
            return value.DeepClone();
        return string.Join(",", values.Select(v => v is JsonValue ? v.ToString() : v.ToJsonString()));
    }

    private static JsonObject? ObjectFor(JsonObject obj, string? includeObject) => includeObject switch
    {
        "None" => null,
        "Object" => obj,
        _ => new JsonObject
        {
            ["kind"] = "PartialObjectMetadata",
            ["apiVersion"] = "meta.k8s.io/v1",
            ["metadata"] = obj["metadata"]?.DeepClone(),
        },
    };
}
