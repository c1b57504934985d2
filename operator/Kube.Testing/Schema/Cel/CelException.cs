namespace Kube.Testing.Schema.Cel;

/// <summary>A CEL expression that does not parse, uses something this interpreter does not support, or fails while evaluating.</summary>
internal sealed class CelException(string message) : Exception(message);
