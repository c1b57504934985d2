using Paas.Platform.Api;

namespace Paas.Platform.Builds;

/// <summary>Everything a build strategy reads to render a Build's Job.</summary>
/// <param name="Build">The Build, as read from the cluster; its name tags the image and names the Job.</param>
/// <param name="Stack">The stack's images, looked up from the App's stack.</param>
/// <param name="Buildpacks">The Build's buildpacks, else the App's; empty means detect.</param>
/// <param name="ConfigSecretName">The App's config snapshot Secret, whose keys become the build's ENV_DIR; null for no config vars.</param>
public sealed record BuildJobInput(Build Build, StackImages Stack, IReadOnlyList<string> Buildpacks, string? ConfigSecretName)
{
    internal string BuildName => Build.Metadata.Name is { Length: > 0 } name
        ? name
        : throw new ArgumentException("the Build has no metadata.name; render it as read from the cluster", nameof(Build));

    internal string AppName => Build.Spec.App;

    internal string? Namespace => Build.Metadata.Namespace;
}
