using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>The source of a Build: a git ref, a tarball, or a prebuilt image.</summary>
[Description("The source of a Build; set exactly one of git, archive and image.")]
[Cel("[has(self.git), has(self.archive), has(self.image)].filter(x, x).size() == 1", "set exactly one of git, archive and image")]
public sealed record BuildSource
{
    [Description("Clone this repository at this ref and build it.")]
    public GitSource? Git { get; init; }

    [Description("Download this tarball, check its SHA-256 and build it.")]
    public ArchiveSource? Archive { get; init; }

    [Description("Deploy this prebuilt image as is, no build: a reference such as registry.example.com/team/app:1.2 or repo@sha256:<digest>.")]
    [MinLength(1)]
    [MaxLength(1024)]
    public string? Image { get; init; }
}
