using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>What a Build builds.</summary>
[Description("What a Build builds.")]
public sealed record BuildSpec
{
    [Description("Name of the App in the same namespace.")]
    [MinLength(1)]
    [MaxLength(63)]
    public required string App { get; init; }

    [Description("Exactly one of git, archive or image.")]
    public required BuildSource Source { get; init; }

    [Description("Buildpacks for this build only, overriding the App's; names or https URLs, in order. Omitted means the App's, or detect.")]
    [MaxItems(16)]
    public IReadOnlyList<string>? Buildpacks { get; init; }
}
