using Paas.Platform;
using Paas.Platform.Builds;

namespace Paas.Controllers.Builds;

/// <summary>What the Build controller is configured with; every member has a default except in tests that replace it.</summary>
public sealed record BuildControllerOptions
{
    /// <summary>Platform settings, <see cref="PlatformSettings.Builds"/> above all; null means <see cref="PlatformSettings.Default"/>.</summary>
    public PlatformSettings? Settings { get; init; }

    /// <summary>The builder; null means <see cref="KanikoStrategy"/>.</summary>
    public IBuildStrategy? Strategy { get; init; }

    /// <summary>Resolves image sources to digests.</summary>
    public IImageResolver? Images { get; init; }

    public TimeProvider? Time { get; init; }
}
