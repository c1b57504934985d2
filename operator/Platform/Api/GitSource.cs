using System.ComponentModel;
using Paas.Platform.Crds;

namespace Paas.Platform.Api;

/// <summary>A git repository and a ref in it.</summary>
[Description("A git repository and a ref in it.")]
public sealed record GitSource
{
    [Description("Clone URL: https://, http://, ssh://, git:// or scp-like git@host:path.")]
    [MinLength(1)]
    [MaxLength(2048)]
    public required string Url { get; init; }

    [Description("Branch, tag or full commit SHA. Omitted means the repository's default branch (HEAD).")]
    [MaxLength(255)]
    public string? Ref { get; init; }

    [Description("Folder inside the repository that holds the app, for repositories with several apps, e.g. services/api. Omitted means the repository's root.")]
    [MaxLength(1024)]
    public string? Path { get; init; }
}
