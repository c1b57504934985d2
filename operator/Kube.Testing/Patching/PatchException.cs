namespace Kube.Testing.Patching;

/// <summary>A patch that cannot be applied; its message goes back to the client.</summary>
internal sealed class PatchException(string message) : Exception(message);
