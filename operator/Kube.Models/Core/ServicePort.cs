namespace Kube.Models;

/// <summary>One port a Service exposes and where it forwards (core/v1 ServicePort).</summary>
public sealed record ServicePort
{
    public string? Name { get; init; }

    public required int Port { get; init; }

    /// <summary>Container port number or name; defaults to <see cref="Port"/>.</summary>
    public IntOrString? TargetPort { get; init; }

    /// <summary><c>TCP</c>, <c>UDP</c> or <c>SCTP</c>.</summary>
    public string? Protocol { get; init; }

    public string? AppProtocol { get; init; }
}
