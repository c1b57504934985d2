using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>Points at the immutable Secret that holds a Release's config vars.</summary>
[Description("The immutable Secret holding a Release's config vars, and their hash.")]
public sealed record ReleaseConfig
{
    [Description("Name of the snapshot Secret in the App's namespace.")]
    [MinLength(1)]
    [MaxLength(253)]
    public required string SecretName { get; init; }

    [Description("Hash of the config vars in the snapshot; equal hashes mean equal config.")]
    [MinLength(1)]
    [MaxLength(128)]
    public required string Hash { get; init; }
}
