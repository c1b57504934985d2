namespace Paas.Platform.Rendering.Offline;

/// <summary>What the <c>render</c> verb adds to its manifests.</summary>
public sealed record OfflineRenderOptions
{
    /// <summary>The namespace of objects whose manifest names none, as <c>kubectl apply -n</c> would place them.</summary>
    public string Namespace { get; init; } = "default";

    /// <summary>An image to release for Apps that have neither a Release nor an image Build in the manifests.</summary>
    public string? Image { get; init; }

    /// <summary>
    /// A Procfile's text: the process types of a released image for Apps without spec.procfile, as a build would read
    /// them from the source.
    /// </summary>
    public string? Procfile { get; init; }
}
