namespace Kube.Models;

/// <summary>A probe that succeeds when a TCP connection opens (core/v1 TCPSocketAction).</summary>
public sealed record TcpSocketAction
{
    /// <summary>Port number or the name of a container port.</summary>
    public required IntOrString Port { get; init; }
}
