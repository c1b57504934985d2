using System.Runtime.CompilerServices;

namespace Paas.Platform.Tests;

/// <summary>Paths in the source tree; build output lives elsewhere (PAAS_ARTIFACTS), so they come from this file's compile-time path.</summary>
internal static class RepoPaths
{
    public static string TestProject { get; } = Path.GetDirectoryName(ThisFile())!;

    public static string Root { get; } = Path.GetFullPath(Path.Combine(TestProject, "..", ".."));

    public static string Crds => Path.Combine(Root, "crds");

    public static string Corpus => Path.Combine(TestProject, "Corpus");

    /// <summary>Set PAAS_UPDATE_GOLDEN=1 to rewrite checked-in generated files instead of comparing with them.</summary>
    public static bool UpdateGolden => Environment.GetEnvironmentVariable("PAAS_UPDATE_GOLDEN") == "1";

    private static string ThisFile([CallerFilePath] string path = "") => path;
}
