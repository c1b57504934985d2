using Paas.Platform.Manifests;
using Paas.Platform.Rendering.Offline;

namespace Paas.Platform.Tests.Rendering.Offline;

/// <summary>The manifests under samples/, rendered as <c>paas-operator render</c> renders them in the docs.</summary>
internal static class OfflineRenderSamples
{
    /// <summary>What <c>--image</c> stands for: the image a git or archive Build would produce.</summary>
    public const string Image = "registry.example.com/team-a/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /// <summary>What <c>--procfile</c> stands for: the Procfile a build reads from the source.</summary>
    public const string Procfile = "web: npm start\n";

    public static IEnumerable<string> Names =>
        Directory.EnumerateFiles(Path.Combine(RepoPaths.Root, "samples"), "*.yaml").Select(path => Path.GetFileNameWithoutExtension(path)!).Order(StringComparer.Ordinal);

    public static OfflineRenderResult Render(string name) =>
        OfflineRenderer.Render(
            PaasManifest.ReadYaml(File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", name + ".yaml"))),
            PlatformSettings.Default,
            new OfflineRenderOptions { Namespace = "team-a", Image = Image, Procfile = Procfile });
}
