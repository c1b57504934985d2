using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>A source tarball and its checksum.</summary>
[Description("A source tarball (.tar.gz) and its checksum.")]
public sealed record ArchiveSource
{
    [Description("https or http URL of the tarball.")]
    [MinLength(1)]
    [MaxLength(2048)]
    public required string Url { get; init; }

    [Description("SHA-256 of the tarball, 64 hexadecimal digits; the build fails if the download does not match.")]
    [Pattern("^[0-9a-fA-F]{64}$")]
    public required string Sha256 { get; init; }
}
