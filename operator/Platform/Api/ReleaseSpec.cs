using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>What a Release runs.</summary>
[Description("What a Release runs.")]
public sealed record ReleaseSpec
{
    [Description("Name of the App in the same namespace.")]
    [MinLength(1)]
    [MaxLength(63)]
    public required string App { get; init; }

    [Description("The release number N, strictly increasing per App and never reused; the object is named <app>-v<N>.")]
    [Minimum(1)]
    public required int Version { get; init; }

    [Description("The image to run, by digest: repo@sha256:<64 hex digits>.")]
    [Pattern("^[^@\\s]+@sha256:[0-9a-f]{64}$")]
    [MaxLength(1024)]
    public required string Image { get; init; }

    [Description("Process types: name as in the Procfile to command.")]
    [MaxItems(64)]
    public IReadOnlyDictionary<string, string>? ProcessTypes { get; init; }

    [Description("The immutable snapshot of config vars this Release runs with.")]
    public ReleaseConfig? Config { get; init; }

    [Description("Name of the Build that produced the image, when a Build did.")]
    [MaxLength(253)]
    public string? Build { get; init; }

    [Description("What changed, as Heroku says it: \"Deploy 1a2b3c4\", \"Set FOO, BAR config vars\", \"Rollback to v3\".")]
    [MaxLength(256)]
    public string? Description { get; init; }

    [Description("The version this Release rolls back to, when it is a rollback.")]
    [Minimum(1)]
    public int? RollbackOf { get; init; }
}
