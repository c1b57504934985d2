using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Dynos of one process type: desired and ready.</summary>
[Description("Dynos of one process type.")]
public sealed record ProcessStatus
{
    [Description("Dynos the Formation asks for.")]
    [Minimum(0)]
    public int? Desired { get; init; }

    [Description("Dynos running the current Release and ready.")]
    [Minimum(0)]
    public int? Ready { get; init; }
}
