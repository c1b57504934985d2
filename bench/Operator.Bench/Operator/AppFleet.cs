using System.Globalization;
using Kube.Client;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Releases;
using Paas.Platform.Rendering;

namespace Paas.Bench.Operator;

/// <summary>
/// Seeds the state the cold start begins from: N Apps, each with a config snapshot Secret, Release v1 already
/// Succeeded and current (running web and worker), and a Formation of one web and one worker dyno, exactly as the
/// operator itself would have left them after a first deploy, but with no workload objects yet.
/// </summary>
internal static class AppFleet
{
    public const string Image = "registry.example/bench@sha256:2222222222222222222222222222222222222222222222222222222222222222";

    private static readonly IReadOnlyDictionary<string, string> ProcessTypes = new Dictionary<string, string>
    {
        ["web"] = "bundle exec puma -p $PORT",
        ["worker"] = "bundle exec sidekiq",
    };

    public static string AppName(int index) => string.Create(CultureInfo.InvariantCulture, $"app-{index:D4}");

    /// <summary>The config vars App <paramref name="index"/> starts with.</summary>
    public static Dictionary<string, string> InitialConfig(int index) => new(StringComparer.Ordinal)
    {
        ["GREETING"] = "hello",
        ["APP_INDEX"] = index.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Creates the Apps with <paramref name="writers"/> concurrent writers; returns each App's uid by name.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SeedAsync(KubeClient client, string @namespace, int apps, int writers, CancellationToken cancellationToken)
    {
        var uids = new System.Collections.Concurrent.ConcurrentDictionary<string, string>(StringComparer.Ordinal);
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(
            async () =>
            {
                for (var i = writer; i < apps; i += writers)
                {
                    var app = await SeedOneAsync(client, @namespace, i, cancellationToken);
                    uids[app.Metadata.Name!] = app.Metadata.Uid!;
                }
            },
            cancellationToken)));
        return uids;
    }

    private static async Task<App> SeedOneAsync(KubeClient client, string @namespace, int index, CancellationToken cancellationToken)
    {
        var name = AppName(index);
        var config = InitialConfig(index);
        var app = await client.CreateAsync(
            new App { Metadata = new ObjectMeta { Name = name, Namespace = @namespace }, Spec = new AppSpec { Config = config } },
            cancellationToken);
        var owner = new OwnerReference { ApiVersion = PaasGroup.ApiVersion, Kind = "App", Name = name, Uid = app.Metadata.Uid!, Controller = true, BlockOwnerDeletion = true };
        var snapshot = ConfigSnapshot.Of(config);
        await client.CreateAsync(ConfigSnapshotSecret.Render(name, @namespace, snapshot, owner), cancellationToken);

        var release = await client.CreateAsync(
            new Release
            {
                Metadata = new ObjectMeta
                {
                    Name = ReleaseNames.For(name, 1),
                    Namespace = @namespace,
                    Labels = new Dictionary<string, string> { [PaasLabels.App] = name },
                    OwnerReferences = [owner],
                },
                Spec = new ReleaseSpec
                {
                    App = name,
                    Version = 1,
                    Image = Image,
                    ProcessTypes = ProcessTypes,
                    Config = new ReleaseConfig { SecretName = snapshot.SecretNameFor(name), Hash = snapshot.Hash },
                    Description = "Deploy 2222222",
                },
            },
            cancellationToken);
        // The status the Release controller writes for a Succeeded release with no release phase, so that the cold
        // start measures the operator's work on workloads rather than its correction of the seed.
        const string message = "v1 has no release phase.";
        var since = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Condition Succeeded(string type) => new()
        {
            Type = type,
            Status = "True",
            Reason = ConditionReasons.ReleaseSucceeded,
            Message = message,
            ObservedGeneration = release.Metadata.Generation,
            LastTransitionTime = since,
        };
        await client.ApplyStatusAsync(
            release with
            {
                Metadata = new ObjectMeta { Name = release.Metadata.Name, Namespace = @namespace },
                Status = new ReleaseStatus
                {
                    ObservedGeneration = release.Metadata.Generation,
                    Phase = ReleasePhases.Succeeded,
                    Current = true,
                    Message = message,
                    Conditions = [Succeeded(ConditionTypes.Released), Succeeded(ConditionTypes.Ready)],
                },
            },
            new ApplyOptions("bench-seed", Force: true),
            cancellationToken);

        await client.CreateAsync(
            new Formation
            {
                Metadata = new ObjectMeta { Name = name, Namespace = @namespace },
                Spec = new FormationSpec
                {
                    App = name,
                    Processes = new Dictionary<string, ProcessFormation> { ["web"] = new() { Quantity = 1 }, ["worker"] = new() { Quantity = 1 } },
                },
            },
            cancellationToken);
        return app;
    }
}
