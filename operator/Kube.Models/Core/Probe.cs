namespace Kube.Models;

/// <summary>A periodic check of a container (core/v1 Probe); only the TCP and HTTP actions are modelled.</summary>
public sealed record Probe
{
    public TcpSocketAction? TcpSocket { get; init; }

    public HttpGetAction? HttpGet { get; init; }

    public int? InitialDelaySeconds { get; init; }

    public int? PeriodSeconds { get; init; }

    public int? TimeoutSeconds { get; init; }

    public int? SuccessThreshold { get; init; }

    public int? FailureThreshold { get; init; }
}
