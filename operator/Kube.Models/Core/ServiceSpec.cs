namespace Kube.Models;

/// <summary>Which pods a Service selects and which ports it exposes (core/v1 ServiceSpec).</summary>
public sealed record ServiceSpec
{
    /// <summary><c>ClusterIP</c>, <c>NodePort</c>, <c>LoadBalancer</c> or <c>ExternalName</c>.</summary>
    public string? Type { get; init; }

    public IReadOnlyDictionary<string, string>? Selector { get; init; }

    public IReadOnlyList<ServicePort>? Ports { get; init; }

    /// <summary>The DNS name an <c>ExternalName</c> Service aliases.</summary>
    public string? ExternalName { get; init; }

    public string? ClusterIP { get; init; }
}
