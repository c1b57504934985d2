namespace Kube.Testing.Admission;

/// <summary>A JSON Patch that is malformed or cannot be applied to the document (a missing path, a failed test).</summary>
internal sealed class JsonPatchException(string message) : Exception(message);
