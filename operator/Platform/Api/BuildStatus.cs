using System.ComponentModel;
using Kube.Models;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Progress and result of a Build.</summary>
[Description("Progress and result of a Build.")]
public sealed record BuildStatus
{
    [Description("The metadata.generation this status describes.")]
    [Minimum(0)]
    public long? ObservedGeneration { get; init; }

    [Description("Succeeded condition, plus Ready for tools that wait on it.")]
    [ListMapKeys("type")]
    public IReadOnlyList<Condition>? Conditions { get; init; }

    [Description("Pending, Running, Succeeded or Failed.")]
    [EnumFrom(typeof(BuildPhases))]
    public string? Phase { get; init; }

    [Description("The built image by digest, repo@sha256:<digest>.")]
    public string? Image { get; init; }

    [Description("Process types the image declares: name to command, from the Procfile, else the buildpacks' defaults.")]
    public IReadOnlyDictionary<string, string>? ProcessTypes { get; init; }

    [Description("Buildpacks that built the image, as detected or given.")]
    public IReadOnlyList<string>? Buildpacks { get; init; }

    [Description("Full SHA of the commit built, for git sources.")]
    public string? Commit { get; init; }

    [Description("When the build Job started.")]
    public DateTimeOffset? StartedAt { get; init; }

    [Description("When the build finished, successfully or not.")]
    public DateTimeOffset? CompletedAt { get; init; }

    [Description("Version of the Release this Build created.")]
    [Minimum(1)]
    public int? Release { get; init; }

    [Description("Why the build failed, as a CamelCase word, e.g. BuildpackFailed or TimedOut.")]
    public string? Reason { get; init; }

    [Description("What happened, in a sentence, with where to read the log.")]
    public string? Message { get; init; }

    [Description("Name of the build Job.")]
    public string? JobName { get; init; }

    [Description("Name of the build Pod; its logs are the build log (kubectl logs <podName>).")]
    public string? PodName { get; init; }
}
