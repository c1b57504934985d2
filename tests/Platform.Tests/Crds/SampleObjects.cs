using Kube.Models;
using Paas.Platform.Api;

namespace Paas.Platform.Tests.Crds;

/// <summary>One object of each kind with every field set, to check that what the serializer writes the schema declares.</summary>
internal static class SampleObjects
{
    private const string Digest = "registry.example.com/my-app@sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    private static readonly DateTimeOffset Noon = new(2025, 1, 2, 12, 0, 0, TimeSpan.Zero);

    private static readonly Condition Ready = new()
    {
        Type = ConditionTypes.Ready,
        Status = "True",
        ObservedGeneration = 2,
        LastTransitionTime = Noon,
        Reason = ConditionReasons.Reconciled,
        Message = "all good",
    };

    public static IKubernetesObject Full(string kind) => kind switch
    {
        "App" => new App
        {
            Metadata = new ObjectMeta { Name = "my-app", Namespace = "team" },
            Spec = new AppSpec
            {
                Source = new AppSource { Git = new GitSource { Url = "https://github.com/heroku/node-js-getting-started.git", Ref = "main" } },
                Buildpacks = ["heroku/nodejs"],
                Stack = "heroku-24",
                Config = new Dictionary<string, string> { ["NODE_ENV"] = "production" },
                ConfigFrom = [new ConfigSource { SecretRef = new LocalObjectReference { Name = "db" } }, new ConfigSource { ConfigMapRef = new LocalObjectReference { Name = "flags" } }],
                Procfile = "web: node index.js",
                Domains = ["www.example.com"],
                Maintenance = false,
            },
            Status = new AppStatus
            {
                ObservedGeneration = 2,
                Conditions = [Ready],
                Url = "https://my-app.team.example.com",
                CurrentRelease = 3,
                LatestBuild = "my-app-build-7",
                SourceCommit = "0123456789abcdef0123456789abcdef01234567",
                Processes = new Dictionary<string, ProcessStatus> { ["web"] = new() { Desired = 2, Ready = 1 } },
            },
        },
        "Build" => new Build
        {
            Metadata = new ObjectMeta { Name = "my-app-build-7" },
            Spec = new BuildSpec
            {
                App = "my-app",
                Source = new BuildSource
                {
                    Git = new GitSource { Url = "https://github.com/heroku/node-js-getting-started.git" },
                    Archive = new ArchiveSource { Url = "https://example.com/app.tar.gz", Sha256 = new string('a', 64) },
                    Image = "nginx:1.27",
                },
                Buildpacks = ["heroku/nodejs"],
            },
            Status = new BuildStatus
            {
                ObservedGeneration = 1,
                Conditions = [Ready],
                Phase = BuildPhases.Succeeded,
                Image = Digest,
                ProcessTypes = new Dictionary<string, string> { ["web"] = "node index.js" },
                Buildpacks = ["heroku/nodejs"],
                Commit = "0123456789abcdef0123456789abcdef01234567",
                StartedAt = Noon,
                CompletedAt = Noon.AddMinutes(2),
                Release = 3,
                Reason = ConditionReasons.BuildSucceeded,
                Message = "built",
                JobName = "my-app-build-7",
                PodName = "my-app-build-7-abcde",
            },
        },
        "Release" => new Release
        {
            Metadata = new ObjectMeta { Name = "my-app-v3" },
            Spec = new ReleaseSpec
            {
                App = "my-app",
                Version = 3,
                Image = Digest,
                ProcessTypes = new Dictionary<string, string> { ["web"] = "node index.js" },
                Config = new ReleaseConfig { SecretName = "my-app-config-v3", Hash = "abc" },
                Build = "my-app-build-7",
                Description = "Rollback to v1",
                RollbackOf = 1,
            },
            Status = new ReleaseStatus
            {
                ObservedGeneration = 1,
                Conditions = [Ready],
                Phase = ReleasePhases.Succeeded,
                Current = true,
                Reason = ConditionReasons.ReleaseSucceeded,
                Message = "live",
                ReleasePhaseJob = "my-app-v3-release",
            },
        },
        _ => new Formation
        {
            Metadata = new ObjectMeta { Name = "my-app" },
            Spec = new FormationSpec
            {
                App = "my-app",
                Processes = new Dictionary<string, ProcessFormation>
                {
                    ["web"] = new() { Quantity = 2, Size = "standard-1x", Autoscale = new Autoscale { Min = 1, Max = 4, TargetCPUUtilization = 70 } },
                },
            },
            Status = new FormationStatus { ObservedGeneration = 1, Conditions = [Ready], Summary = "web=2:standard-1x" },
        },
    };
}
