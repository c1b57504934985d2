using System.ComponentModel;

namespace Paas.Platform.Api;

/// <summary>Where an App's automatic builds come from.</summary>
[Description("Where the App's automatic builds come from.")]
public sealed record AppSource
{
    [Description("A git repository and the ref to follow.")]
    public required GitSource Git { get; init; }
}
