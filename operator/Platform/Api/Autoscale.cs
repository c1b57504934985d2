using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Horizontal autoscaling bounds and target of one process type.</summary>
[Description("Horizontal autoscaling of one process type: between min and max dynos, aiming at a CPU utilization.")]
[Cel("self.min <= self.max", "autoscale.min must not exceed autoscale.max", FieldPath = ".min")]
public sealed record Autoscale
{
    [Description("Fewest dynos, at least 1.")]
    [Minimum(1)]
    public required int Min { get; init; }

    [Description("Most dynos, at most the platform's maximum quantity.")]
    [Minimum(1)]
    public required int Max { get; init; }

    [Description("Average CPU utilization to aim for, in percent of the dyno size's CPU request.")]
    [Minimum(1)]
    [Maximum(100)]
    [DefaultValue(80)]
    public int? TargetCPUUtilization { get; init; }
}
