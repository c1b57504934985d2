using Paas.Platform.Builds;
using Paas.Platform.Dynos;
using Paas.Platform.Rendering;

namespace Paas.Platform;

/// <summary>The platform limits and defaults the chart's values set; the validators and renderers read them.</summary>
public sealed record PlatformSettings
{
    /// <summary>Most dynos of one process type (Formation quantity and autoscale max).</summary>
    public int MaxQuantity { get; init; } = 100;

    /// <summary>When set, every App is served at <c>&lt;app&gt;.&lt;namespace&gt;.&lt;BaseDomain&gt;</c>.</summary>
    public string? BaseDomain { get; init; }

    /// <summary>Stack used when an App names none.</summary>
    public string DefaultStack { get; init; } = "heroku-24";

    /// <summary>Size used when a Formation names none.</summary>
    public string DefaultDynoSize { get; init; } = "standard-1x";

    public DynoSizeTable DynoSizes { get; init; } = DynoSizeTable.Default;

    /// <summary>How rendered workloads are exposed and secured: ingress class, TLS, web port, dyno uid, maintenance page.</summary>
    public RenderingSettings Rendering { get; init; } = new();

    /// <summary>How Builds run: registry, builder and helper images, stack images, timeout and resources.</summary>
    public BuildSettings Builds { get; init; } = new();

    /// <summary>Whether and how often dynos are restarted (Heroku's daily cycling).</summary>
    public DynoCyclingSettings DynoCycling { get; init; } = new();

    /// <summary>Heroku's defaults: up to 100 dynos per type, standard-1x, heroku-24, no base domain.</summary>
    public static PlatformSettings Default { get; } = new();
}
