namespace Kube.Models;

/// <summary>The HTTP paths of an Ingress rule (networking.k8s.io/v1 HTTPIngressRuleValue).</summary>
public sealed record HttpIngressRuleValue
{
    public required IReadOnlyList<HttpIngressPath> Paths { get; init; }
}
