using System.ComponentModel;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>The observed state of a Formation.</summary>
[Description("The observed state of a Formation.")]
public sealed record FormationStatus
{
    [Description("The metadata.generation this status describes.")]
    [Minimum(0)]
    public long? ObservedGeneration { get; init; }

    [Description("Ready condition: every process type has its desired dynos.")]
    [ListMapKeys("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    [Description("Dynos per process type and size in heroku ps form, e.g. web=2:standard-1x worker=1:standard-2x.")]
    public string? Summary { get; init; }

    [Description("Dynos per process type of the current Release: how many are desired and how many are ready.")]
    public IReadOnlyDictionary<string, ProcessStatus>? Processes { get; init; }
}
