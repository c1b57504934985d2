using System.ComponentModel;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>The observed state of an App.</summary>
[Description("The observed state of an App.")]
public sealed record AppStatus
{
    [Description("The metadata.generation this status describes.")]
    [Minimum(0)]
    public long? ObservedGeneration { get; init; }

    [Description("Ready, Building and Released conditions; SourceResolved too when spec.source is set (the latest poll of its git ref).")]
    [ListMapKeys("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    [Description("Where the web process is served, e.g. https://myapp.team.apps.example.com.")]
    public string? Url { get; init; }

    [Description("Version of the Release serving traffic.")]
    [Minimum(1)]
    public int? CurrentRelease { get; init; }

    [Description("Name of the most recent Build of this App.")]
    public string? LatestBuild { get; init; }

    [Description("The commit spec.source.git.ref resolved to when the latest automatic Build started.")]
    public string? SourceCommit { get; init; }

    [Description("Dynos per process type: how many are desired and how many are ready.")]
    public IReadOnlyDictionary<string, ProcessStatus>? Processes { get; init; }
}
