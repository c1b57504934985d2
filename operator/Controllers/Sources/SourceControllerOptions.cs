using Paas.Platform;

namespace Paas.Controllers.Sources;

/// <summary>What the source controller is configured with; every member has a default, tests replace some.</summary>
public sealed record SourceControllerOptions
{
    /// <summary>Platform settings, <see cref="Platform.Builds.BuildSettings.SourcePollSeconds"/> above all; null means the defaults.</summary>
    public PlatformSettings? Settings { get; init; }

    /// <summary>Sends the requests to git servers; null means a handler of the operator's own. The controller does not dispose it.</summary>
    public HttpMessageHandler? Handler { get; init; }

    /// <summary>How long one poll may take.</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(20);

    public TimeProvider? Time { get; init; }

    /// <summary>A number in [0, 1) per poll, scaled to a tenth of the interval and added to it, so Apps do not poll in step; null means random.</summary>
    public Func<double>? Jitter { get; init; }
}
