using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Releases;

namespace Platform.Tests.Releases;

/// <summary>Apps and Releases as the planner sees them in a cluster.</summary>
internal static class ReleaseFixtures
{
    public const string ImageOne = "registry.example/shop@sha256:1111111111111111111111111111111111111111111111111111111111111111";
    public const string ImageTwo = "registry.example/shop@sha256:2222222222222222222222222222222222222222222222222222222222222222";

    public static App App(IReadOnlyDictionary<string, string>? config = null, string? procfile = null) => new()
    {
        Metadata = new ObjectMeta { Name = "shop", Namespace = "team", Uid = "app-uid" },
        Spec = new AppSpec { Config = config, Procfile = procfile },
    };

    public static Release Release(
        int version,
        ConfigSnapshot config,
        string image = ImageOne,
        string phase = ReleasePhases.Succeeded,
        IReadOnlyDictionary<string, string>? processTypes = null,
        string app = "shop") => new()
    {
        Metadata = new ObjectMeta { Name = ReleaseNames.For(app, version), Namespace = "team" },
        Spec = new ReleaseSpec
        {
            App = app,
            Version = version,
            Image = image,
            ProcessTypes = processTypes ?? new Dictionary<string, string> { ["web"] = "bin/web" },
            Config = new ReleaseConfig { SecretName = config.SecretNameFor(app), Hash = config.Hash },
            Build = $"{app}-build-{version}",
        },
        Status = new ReleaseStatus { Phase = phase },
    };

    public static ConfigSnapshot Config(params (string Name, string Value)[] vars) =>
        ConfigSnapshot.Of(vars.ToDictionary(v => v.Name, v => v.Value));
}
