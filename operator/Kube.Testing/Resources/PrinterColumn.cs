namespace Kube.Testing.Resources;

/// <summary>A table column, from a CRD's additionalPrinterColumns or a built-in printer.</summary>
internal sealed record PrinterColumn(string Name, string Type, string JsonPath, string Description, int Priority, string? Format = null);
