namespace Paas.Samples.Tests.Support;

/// <summary>The ready-to-apply samples: every <c>samples/*.yaml</c> (the source apps under samples/apps are not manifests).</summary>
internal static class SampleFiles
{
    public static IReadOnlyList<string> Names { get; } =
        [.. Directory.EnumerateFiles(Repository.Samples, "*.yaml").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>For [MemberData]: one row per sample file name.</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var name in Names)
        {
            data.Add(name);
        }

        return data;
    }

    public static string Read(string name) => File.ReadAllText(Path.Combine(Repository.Samples, name));
}
