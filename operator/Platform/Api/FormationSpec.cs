using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Dynos per process type of one App.</summary>
[Description("Dynos per process type of one App.")]
public sealed record FormationSpec
{
    [Description("Name of the App in the same namespace; equal to metadata.name, and fixed once set.")]
    [MinLength(1)]
    [MaxLength(63)]
    [Cel("self == oldSelf", "spec.app cannot change; create a Formation for the other App instead")]
    public required string App { get; init; }

    [Description("Process type (as named in the Procfile) to its quantity, size and autoscaling.")]
    [MaxItems(64)]
    public IReadOnlyDictionary<string, ProcessFormation>? Processes { get; init; }
}
