using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>A Secret or a ConfigMap whose keys become config vars.</summary>
[Description("A Secret or a ConfigMap whose keys become config vars; set exactly one of secretRef and configMapRef.")]
[Cel("[has(self.secretRef), has(self.configMapRef)].filter(x, x).size() == 1", "set exactly one of secretRef and configMapRef")]
public sealed record ConfigSource
{
    [Description("A Secret in the App's namespace.")]
    public LocalObjectReference? SecretRef { get; init; }

    [Description("A ConfigMap in the App's namespace.")]
    public LocalObjectReference? ConfigMapRef { get; init; }
}
