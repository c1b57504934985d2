namespace Paas.Platform.Api;

/// <summary>How kubectl names and lists a kind: its short names and the columns of <c>kubectl get</c>.</summary>
/// <param name="ShortNames">Abbreviations for <c>kubectl get</c>, chosen not to clash with built-in or common CRD short names.</param>
/// <param name="Columns">Printer columns in display order; an <c>Age</c> column comes last by convention.</param>
public sealed record ResourcePresentation(IReadOnlyList<string> ShortNames, IReadOnlyList<PrinterColumn> Columns);

/// <summary>One column of <c>kubectl get</c> output (CRD <c>additionalPrinterColumns</c>).</summary>
/// <param name="Name">Column header.</param>
/// <param name="Type">OpenAPI type of the value: <c>string</c>, <c>integer</c>, <c>boolean</c>, <c>date</c>.</param>
/// <param name="JsonPath">Simple JSONPath into the object, e.g. <c>.status.url</c>.</param>
/// <param name="Description">What the column shows.</param>
/// <param name="Priority">0 shows in the default view; higher values only with <c>-o wide</c>.</param>
public sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority = 0)
{
    /// <summary>The conventional last column: time since creation.</summary>
    public static PrinterColumn Age { get; } = new("Age", "date", ".metadata.creationTimestamp", "Time since the object was created.");
}
