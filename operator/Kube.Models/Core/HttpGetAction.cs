namespace Kube.Models;

/// <summary>A probe that succeeds on an HTTP status from 200 to 399 (core/v1 HTTPGetAction).</summary>
public sealed record HttpGetAction
{
    public string? Path { get; init; }

    /// <summary>Port number or the name of a container port.</summary>
    public required IntOrString Port { get; init; }

    /// <summary><c>HTTP</c> or <c>HTTPS</c>.</summary>
    public string? Scheme { get; init; }
}
