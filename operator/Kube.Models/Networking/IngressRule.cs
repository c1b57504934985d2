namespace Kube.Models;

/// <summary>The paths of one host (networking.k8s.io/v1 IngressRule).</summary>
public sealed record IngressRule
{
    public string? Host { get; init; }

    public HttpIngressRuleValue? Http { get; init; }
}
