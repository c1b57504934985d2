namespace Kube.Config;

/// <summary>Finds the kubeconfig files to merge, in kubectl's order of precedence.</summary>
internal static class KubeconfigLocator
{
    public static IReadOnlyList<string> Locate(KubeConfigLoadOptions options)
    {
        if (options.KubeconfigPath is { Length: > 0 } explicitPath)
        {
            return File.Exists(explicitPath)
                ? [explicitPath]
                : throw new KubeConfigException($"{explicitPath}: the kubeconfig file given does not exist");
        }

        if (options.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } variable)
        {
            // Like kubectl: missing files in KUBECONFIG are skipped; duplicates are read once.
            return [.. variable.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Distinct(StringComparer.Ordinal)
                .Where(File.Exists)];
        }

        var home = HomeKubeconfig(options);
        return home is not null && File.Exists(home) ? [home] : [];
    }

    public static string DescribeSearch(KubeConfigLoadOptions options) =>
        options.GetEnvironmentVariable("KUBECONFIG") is { Length: > 0 } variable
            ? $"none of the files in KUBECONFIG=\"{variable}\" exist"
            : $"{HomeKubeconfig(options) ?? "~/.kube/config"} does not exist";

    private static string? HomeKubeconfig(KubeConfigLoadOptions options)
    {
        var home = options.HomeDirectory
            ?? options.GetEnvironmentVariable("HOME")
            ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".kube", "config");
    }
}
