using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Releases;
using Paas.Platform.Rendering;

namespace Paas.Platform.Tests.Rendering;

/// <summary>Sample Apps, Releases and Formations, each a case with a golden file.</summary>
internal static class Samples
{
    public const string Namespace = "team-a";

    public const string Image = "registry.example.com/team-a/shop@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    public static IReadOnlyDictionary<string, string> ConfigVars { get; } = new Dictionary<string, string>
    {
        ["RAILS_ENV"] = "production",
        ["DATABASE_URL"] = "postgres://shop:secret@db.team-a:5432/shop",
    };

    /// <summary>The snapshot of <see cref="ConfigVars"/> that every sample Release points at.</summary>
    public static ConfigSnapshot Snapshot { get; } = ConfigSnapshot.Of(ConfigVars);

    // Declared before Cases, which reads it: static initializers run in textual order.
    /// <summary>A platform with a base domain, an ingress class and cert-manager TLS.</summary>
    public static PlatformSettings Routed { get; } = new()
    {
        BaseDomain = "apps.example.net",
        Rendering = new RenderingSettings { IngressClassName = "nginx", Tls = true, ClusterIssuer = "letsencrypt" },
    };

    public static IEnumerable<string> CaseNames => Cases.Keys;

    public static IReadOnlyDictionary<string, RenderInput> Cases { get; } = new Dictionary<string, RenderInput>
    {
        ["web-only"] = Input(App("hello"), Release("hello", 1, ("web", "node server.js")), null),
        ["web-worker-clock"] = Input(
            App("shop"),
            Release("shop", 7, ("web", "bundle exec puma -C config/puma.rb"), ("worker", "bundle exec sidekiq"), ("clock", "bundle exec clockwork clock.rb"), ("urgent_worker", "bundle exec sidekiq -q urgent")),
            Formation("shop", ("web", new ProcessFormation { Quantity = 2, Size = "standard-2x" }), ("worker", new ProcessFormation { Quantity = 3, Size = "performance-m" }), ("clock", new ProcessFormation { Quantity = 1 }), ("urgent_worker", new ProcessFormation { Quantity = 1, Size = "basic" }))),
        ["autoscaled-web"] = Input(
            App("shop"),
            Release("shop", 3, ("web", "bundle exec puma"), ("worker", "bundle exec sidekiq")),
            Formation("shop", ("web", new ProcessFormation { Size = "standard-1x", Autoscale = new Autoscale { Min = 2, Max = 10, TargetCPUUtilization = 70 } }))),
        ["domains-tls"] = Input(
            App("shop", domains: ["www.example.com", "Example.COM", "www.example.com"]),
            Release("shop", 4, ("web", "bundle exec puma")),
            null,
            Routed),
        ["maintenance"] = Input(
            App("shop", maintenance: true),
            Release("shop", 5, ("web", "bundle exec puma")),
            null,
            Routed),
        ["release-phase"] = Input(
            App("shop"),
            Release("shop", 9, ("web", "bundle exec puma"), ("release", "bundle exec rake db:migrate")),
            Formation("shop", ("web", new ProcessFormation { Quantity = 1, Size = "standard-2x" }))),
    };

    public static RenderInput Input(App app, Release release, Formation? formation, PlatformSettings? settings = null) =>
        new(app, release, formation, settings ?? PlatformSettings.Default);

    public static App App(string name, IReadOnlyList<string>? domains = null, bool? maintenance = null) => new()
    {
        Metadata = new ObjectMeta { Name = name, Namespace = Namespace },
        Spec = new AppSpec { Domains = domains, Maintenance = maintenance },
    };

    public static Release Release(string app, int version, params (string Type, string Command)[] processTypes) => new()
    {
        Metadata = new ObjectMeta { Name = $"{app}-v{version}", Namespace = Namespace },
        Spec = new ReleaseSpec
        {
            App = app,
            Version = version,
            Image = Image,
            ProcessTypes = processTypes.ToDictionary(p => p.Type, p => p.Command),
            Config = new ReleaseConfig { SecretName = Snapshot.SecretNameFor(app), Hash = Snapshot.Hash },
        },
    };

    public static Formation Formation(string app, params (string Type, ProcessFormation Process)[] processes) => new()
    {
        Metadata = new ObjectMeta { Name = app, Namespace = Namespace },
        Spec = new FormationSpec { App = app, Processes = processes.ToDictionary(p => p.Type, p => p.Process) },
    };

    /// <summary>Everything a controller would apply for a case: the snapshot, the release-phase Job, then the App's objects.</summary>
    public static IReadOnlyList<IKubernetesObject> RenderAll(RenderInput input)
    {
        var objects = new List<IKubernetesObject> { ConfigSnapshotSecret.Render(input.App.Metadata.Name!, input.App.Metadata.Namespace, Snapshot) };
        if (ReleasePhaseJob.Render(input) is { } job)
        {
            objects.Add(job);
        }

        objects.AddRange(AppRenderer.Render(input).All);
        return objects;
    }
}
