using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Platform.Rendering;

/// <summary>Everything the renderers read: the App, the Release to run, the Formation (null when none exists yet) and the platform settings.</summary>
/// <param name="App">The App; its name and namespace name every object.</param>
/// <param name="Release">The Release whose image, process types and config snapshot the dynos run.</param>
/// <param name="Formation">Quantities, sizes and autoscaling; null means Heroku's first-deploy defaults.</param>
/// <param name="Settings">Platform limits, dyno sizes and <see cref="RenderingSettings"/>.</param>
public sealed record RenderInput(App App, Release Release, Formation? Formation, PlatformSettings Settings)
{
    /// <summary>
    /// Set on every rendered object when given. Optional so that renderers stay free of uids in golden files and
    /// the <c>render</c> verb; a controller passes its owner here instead of editing metadata afterwards.
    /// </summary>
    public OwnerReference? Owner { get; init; }

    internal string AppName => App.Metadata.Name is { Length: > 0 } name
        ? name
        : throw new ArgumentException("the App has no metadata.name; renderers need the App as read from the cluster", nameof(App));

    internal string? Namespace => App.Metadata.Namespace;
}
