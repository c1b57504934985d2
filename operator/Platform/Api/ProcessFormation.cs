using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Quantity, size and autoscaling of one process type.</summary>
[Description("Quantity, size and autoscaling of one process type.")]
public sealed record ProcessFormation
{
    [Description("Number of dynos, 0 to the platform's maximum (100 unless the chart says otherwise). Omitted means 1 for web and 0 for other types. Ignored while autoscale is set.")]
    [Minimum(0)]
    public int? Quantity { get; init; }

    [Description("Dyno size: eco, basic, standard-1x, standard-2x, performance-m, performance-l, or another size the chart defines. Omitted means the platform's default size.")]
    [MaxLength(63)]
    public string? Size { get; init; }

    [Description("Scale between min and max dynos on CPU utilization, instead of a fixed quantity.")]
    public Autoscale? Autoscale { get; init; }
}
