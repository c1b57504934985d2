using System.Reflection;

namespace Paas.Buildpacks.Tests.Support;

/// <summary>Paths in the repository, found from the build's RepositoryRoot metadata wherever the build output lives.</summary>
internal static class Repository
{
    public static string Root { get; } = typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(attribute => attribute.Key == "RepositoryRoot").Value!;

    public static string Runner(string verb) => Path.Combine(Root, "buildpacks", "bin", verb);

    public static string SampleApp(string name) => Path.Combine(Root, "samples", "apps", name);
}
