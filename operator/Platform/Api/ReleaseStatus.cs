using System.ComponentModel;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Whether a Release's release phase ran and whether it serves.</summary>
[Description("Whether the release phase ran and whether this Release is serving.")]
public sealed record ReleaseStatus
{
    [Description("The metadata.generation this status describes.")]
    [Minimum(0)]
    public long? ObservedGeneration { get; init; }

    [Description("Released condition, plus Ready for tools that wait on it.")]
    [ListMapKeys("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    [Description("Pending, Releasing (release phase running), Succeeded or Failed.")]
    [EnumFrom(typeof(ReleasePhases))]
    public string? Phase { get; init; }

    [Description("True on the one Release of the App that is serving.")]
    public bool? Current { get; init; }

    [Description("Why the release failed, as a CamelCase word, e.g. ReleasePhaseFailed.")]
    public string? Reason { get; init; }

    [Description("What happened, in a sentence.")]
    public string? Message { get; init; }

    [Description("Name of the Job that ran the release process type, when the Release has one.")]
    public string? ReleasePhaseJob { get; init; }
}
