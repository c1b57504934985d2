using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Platform.Tests.Builds;

/// <summary>Builds rendered by the golden and rule tests, one per source kind.</summary>
internal static class BuildSamples
{
    public static readonly StackImages Heroku24 = PlatformSettings.Default.Builds.Stacks["heroku-24"];

    public static IReadOnlyDictionary<string, BuildJobInput> Cases { get; } = new Dictionary<string, BuildJobInput>(StringComparer.Ordinal)
    {
        ["git-detect"] = new(
            Build("shop-7f3a", new BuildSource { Git = new GitSource { Url = "https://git.example/team/shop.git", Ref = "main" } }),
            Heroku24,
            [],
            "shop-config-0123456789"),
        ["git-monorepo-folder"] = new(
            Build("shop-api", new BuildSource { Git = new GitSource { Url = "https://git.example/team/monorepo.git", Ref = "v1.2.0", Path = "services/api" } }),
            Heroku24,
            [],
            null),
        ["archive-buildpacks"] = new(
            Build("shop-archive", new BuildSource { Archive = new ArchiveSource { Url = "https://files.example/shop.tar.gz", Sha256 = new string('a', 64) } }),
            Heroku24,
            ["heroku/nodejs", "https://github.com/heroku/heroku-buildpack-static"],
            null),
    };

    public static IEnumerable<string> CaseNames => Cases.Keys.Order(StringComparer.Ordinal);

    public static Build Build(string name, BuildSource source) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = "team", Uid = "0b5e1d1e-0000-4000-8000-000000000001" },
        Spec = new BuildSpec { App = "shop", Source = source },
    };
}
