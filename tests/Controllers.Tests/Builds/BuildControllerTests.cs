using System.Text;
using Kube.Models;
using Kube.Testing.Kubelet;
using Paas.Controllers.Releases;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using Paas.Platform.Builds;

namespace Paas.Controllers.Tests.Builds;

public class BuildControllerTests : IClassFixture<Cluster>
{
    private const string Commit = "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d";
    private const string Plan = """{"buildpacks":["heroku/nodejs"],"processTypes":{"web":"npm start","worker":"node worker.js"}}""";
    private static readonly string Digest = "sha256:" + new string('d', 64);
    private static readonly GitSource Git = new() { Url = "https://git.example/team/shop.git", Ref = "main" };
    private readonly Cluster cluster;

    public BuildControllerTests(Cluster cluster) => this.cluster = cluster;

    private static JobPodOutcome Success => JobPodOutcome.Succeeded(
        [ContainerOutcome.Completed(BuildSteps.Source, Commit), ContainerOutcome.Completed(BuildSteps.Plan, Plan)],
        [ContainerOutcome.Completed(BuildSteps.Build, Digest)]);

    private static JobPodOutcome StillBuilding => new()
    {
        Verdict = JobVerdict.Running,
        InitContainers = [ContainerOutcome.Completed(BuildSteps.Source, Commit), ContainerOutcome.Completed(BuildSteps.Plan, Plan)],
        Containers = [ContainerOutcome.Running(BuildSteps.Build)],
    };

    [Fact]
    public async Task Build_with_a_digest_succeeds_and_creates_the_next_release_with_its_image()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns, config: new Dictionary<string, string> { ["FOO"] = "bar" });
        await using var op = await BuildOperator.StartAsync(cluster, ns);
        op.WillEnd("b1", Success);

        await CreateBuildAsync(ns, "b1", new BuildSource { Git = Git });
        var build = await WaitForBuildAsync(ns, "b1", b => b.Status?.Release is not null);

        var status = build.Status!;
        status.Phase.Should().Be(BuildPhases.Succeeded);
        status.Image.Should().Be($"registry.example/paas/{ns}/shop@{Digest}");
        status.Buildpacks.Should().Equal("heroku/nodejs");
        status.ProcessTypes.Should().Equal(new Dictionary<string, string> { ["web"] = "npm start", ["worker"] = "node worker.js" });
        status.Commit.Should().Be(Commit);
        status.StartedAt.Should().NotBeNull();
        status.CompletedAt.Should().NotBeNull();
        status.Release.Should().Be(2);
        status.PodName.Should().StartWith("b1-");
        status.Conditions.Should().Contain(c => c.Type == ConditionTypes.Succeeded && c.Status == "True" && c.Reason == ConditionReasons.BuildSucceeded);
        var v2 = await cluster.Client.GetAsync<Release>("shop-v2", ns);
        v2.Spec.Image.Should().Be(status.Image);
        v2.Spec.Build.Should().Be("b1");
        v2.Spec.ProcessTypes.Should().Equal(status.ProcessTypes);
        v2.Spec.Description.Should().Be("Deploy 1a2b3c4");
        var snapshot = await cluster.Client.GetAsync<Secret>(v2.Spec.Config!.SecretName, ns);
        Encoding.UTF8.GetString(snapshot.Data!["FOO"]).Should().Be("bar");
        var job = await cluster.Client.GetAsync<Job>("b1", ns);
        job.Metadata.OwnerReferences.Should().ContainSingle(o => o.Kind == "Build" && o.Name == "b1");
        job.Spec!.Template.Spec.Volumes.Should().Contain(v => v.Secret != null && v.Secret.SecretName == v2.Spec.Config.SecretName, "the build sees the same config vars as ENV_DIR");
    }

    [Fact]
    public async Task Compile_failure_fails_the_build_with_the_last_lines_and_the_log_location_and_no_release()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns);
        await using var op = await BuildOperator.StartAsync(cluster, ns);
        var log = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"npm step {i}")) + "\nnpm ERR! missing script: build";
        op.WillEnd("b1", JobPodOutcome.Failed(
            [ContainerOutcome.Completed(BuildSteps.Source, Commit), ContainerOutcome.Completed(BuildSteps.Plan, Plan)],
            [ContainerOutcome.Failed(BuildSteps.Build, log)]));

        await CreateBuildAsync(ns, "b1", new BuildSource { Git = Git });
        var build = await WaitForBuildAsync(ns, "b1", b => b.Status?.Phase == BuildPhases.Failed);

        build.Status!.Reason.Should().Be(BuildFailureReasons.CompileFailed);
        build.Status.Message.Should().Contain("npm ERR! missing script: build").And.Contain("npm step 12").And.NotContain("npm step 11\n");
        build.Status.Message.Should().EndWith($"Full log: kubectl logs -n {ns} {build.Status.PodName} -c build");
        build.Status.Image.Should().BeNull();
        build.Status.Release.Should().BeNull();
        build.Status.Conditions.Should().Contain(c => c.Type == ConditionTypes.Succeeded && c.Status == "False" && c.Reason == BuildFailureReasons.CompileFailed);
        (await HistoryAsync(ns)).Should().ContainSingle("a failed build never creates a Release");
    }

    [Fact]
    public async Task Checksum_mismatch_fails_the_source_step_quoting_expected_and_actual()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns);
        await using var op = await BuildOperator.StartAsync(cluster, ns);
        var expected = new string('a', 64);
        var mismatch = $"sha256 of https://files.example/shop.tar.gz does not match: expected {expected}, actual {new string('e', 64)}; fix spec.source.archive.sha256 or the URL";
        op.WillEnd("b1", JobPodOutcome.Failed([ContainerOutcome.Failed(BuildSteps.Source, mismatch)], []));

        await CreateBuildAsync(ns, "b1", new BuildSource { Archive = new ArchiveSource { Url = "https://files.example/shop.tar.gz", Sha256 = expected } });
        var build = await WaitForBuildAsync(ns, "b1", b => b.Status?.Phase == BuildPhases.Failed);

        build.Status!.Reason.Should().Be(BuildFailureReasons.SourceFailed);
        build.Status.Message.Should().Contain(mismatch).And.Contain("-c source");
        build.Status.Commit.Should().BeNull();
    }

    [Fact]
    public async Task Detection_failure_is_reported_as_detect_failed()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns);
        await using var op = await BuildOperator.StartAsync(cluster, ns);
        op.WillEnd("b1", JobPodOutcome.Failed(
            [ContainerOutcome.Completed(BuildSteps.Source, Commit), ContainerOutcome.Failed(BuildSteps.Plan, "No buildpack detected this app: add a package.json, requirements.txt or Procfile")],
            []));

        await CreateBuildAsync(ns, "b1", new BuildSource { Git = Git });
        var build = await WaitForBuildAsync(ns, "b1", b => b.Status?.Phase == BuildPhases.Failed);

        build.Status!.Reason.Should().Be(BuildFailureReasons.DetectFailed);
        build.Status.Message.Should().Contain("No buildpack detected this app").And.Contain("-c plan");
    }

    [Fact]
    public async Task Build_past_its_deadline_is_timed_out()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns);
        await using var op = await BuildOperator.StartAsync(cluster, ns);
        op.WillEnd("b1", JobPodOutcome.Failed(
            [ContainerOutcome.Completed(BuildSteps.Source, Commit), ContainerOutcome.Completed(BuildSteps.Plan, Plan)],
            [ContainerOutcome.Running(BuildSteps.Build)],
            reason: "DeadlineExceeded"));

        await CreateBuildAsync(ns, "b1", new BuildSource { Git = Git });
        var build = await WaitForBuildAsync(ns, "b1", b => b.Status?.Phase == BuildPhases.Failed);

        build.Status!.Reason.Should().Be(BuildFailureReasons.TimedOut);
        build.Status.Message.Should().Contain("timeout of 15 minutes").And.Contain("step build").And.Contain($"kubectl logs -n {ns} {build.Status.PodName} -c build");
        (await HistoryAsync(ns)).Should().ContainSingle();
    }

    [Fact]
    public async Task Newer_build_of_the_same_app_cancels_the_older_one()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns);
        await using var op = await BuildOperator.StartAsync(cluster, ns);
        op.WillEnd("b1", StillBuilding);
        op.WillEnd("b2", Success);
        await CreateBuildAsync(ns, "b1", new BuildSource { Git = Git });
        var running = await WaitForBuildAsync(ns, "b1", b => b.Status?.Phase == BuildPhases.Running);
        running.Status!.StartedAt.Should().NotBeNull();
        running.Status.Message.Should().Contain($"kubectl logs -n {ns} {running.Status.PodName}");

        await CreateBuildAsync(ns, "b2", new BuildSource { Git = Git });

        var older = await WaitForBuildAsync(ns, "b1", b => b.Status?.Phase == BuildPhases.Failed);
        older.Status!.Reason.Should().Be(BuildFailureReasons.Superseded);
        older.Status.Message.Should().Be("superseded by build b2");
        await Eventually.TrueAsync(async () => await cluster.Client.TryGetAsync<Job>("b1", ns) is null, "the older build's Job is deleted");
        var newer = await WaitForBuildAsync(ns, "b2", b => b.Status?.Release is not null);
        newer.Status!.Release.Should().Be(2);
        (await HistoryAsync(ns)).Select(r => r.Spec.Build).Should().Equal(null, "b2");
    }

    [Fact]
    public async Task Prebuilt_image_by_digest_is_released_without_a_job()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns, procfile: "web: bin/server\nworker: bin/worker");
        await using var op = await BuildOperator.StartAsync(cluster, ns);
        var image = "ghcr.io/team/shop@" + Digest;

        await CreateBuildAsync(ns, "deploy-1", new BuildSource { Image = image });
        var build = await WaitForBuildAsync(ns, "deploy-1", b => b.Status?.Release is not null);

        build.Status!.Phase.Should().Be(BuildPhases.Succeeded);
        build.Status.Image.Should().Be(image);
        build.Status.ProcessTypes.Should().Equal(new Dictionary<string, string> { ["web"] = "bin/server", ["worker"] = "bin/worker" });
        var v2 = await cluster.Client.GetAsync<Release>("shop-v2", ns);
        v2.Spec.Image.Should().Be(image);
        v2.Spec.Build.Should().Be("deploy-1");
        (await cluster.Client.ListAsync<Job>(ns)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Image_tag_is_resolved_to_a_digest_through_the_registry_token_flow()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var registry = await FakeRegistry.StartAsync();
        registry.Push("team/web", "1.4", Digest);
        await CreateAppAsync(ns, procfile: "web: bin/server");
        await using var op = await BuildOperator.StartAsync(cluster, ns);

        await CreateBuildAsync(ns, "deploy-1", new BuildSource { Image = $"{registry.Host}/team/web:1.4" });
        var build = await WaitForBuildAsync(ns, "deploy-1", b => b.Status?.Release is not null);

        build.Status!.Image.Should().Be($"{registry.Host}/team/web@{Digest}");
        registry.TokensIssued.Should().BeGreaterThan(0);
        (await cluster.Client.GetAsync<Release>("shop-v2", ns)).Spec.Image.Should().Be(build.Status.Image);
    }

    [Fact]
    public async Task Unknown_image_tag_fails_the_build_naming_the_tag()
    {
        var ns = await cluster.NewNamespaceAsync();
        await using var registry = await FakeRegistry.StartAsync();
        await CreateAppAsync(ns, procfile: "web: bin/server");
        await using var op = await BuildOperator.StartAsync(cluster, ns);

        await CreateBuildAsync(ns, "deploy-1", new BuildSource { Image = $"{registry.Host}/team/web:9.9" });
        var build = await WaitForBuildAsync(ns, "deploy-1", b => b.Status?.Phase == BuildPhases.Failed);

        build.Status!.Reason.Should().Be(BuildFailureReasons.SourceFailed);
        build.Status.Message.Should().Contain("has no tag 9.9 in team/web");
        (await HistoryAsync(ns)).Should().ContainSingle();
    }

    [Fact]
    public async Task Image_build_for_an_app_without_a_procfile_says_to_set_spec_procfile()
    {
        var ns = await cluster.NewNamespaceAsync();
        await CreateAppAsync(ns);
        await using var op = await BuildOperator.StartAsync(cluster, ns);

        await CreateBuildAsync(ns, "deploy-1", new BuildSource { Image = "ghcr.io/team/shop@" + Digest });
        var build = await WaitForBuildAsync(ns, "deploy-1", b => b.Status?.Phase == BuildPhases.Failed);

        build.Status!.Message.Should().Contain("set spec.procfile");
        (await HistoryAsync(ns)).Should().ContainSingle();
    }

    private async Task CreateAppAsync(string ns, IReadOnlyDictionary<string, string>? config = null, string? procfile = null)
    {
        await cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns }, Spec = new AppSpec { Config = config, Procfile = procfile } });
        await cluster.Client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = "shop-v1", Namespace = ns, Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
            Spec = new ReleaseSpec { App = "shop", Version = 1, Image = Cluster.Image, ProcessTypes = new Dictionary<string, string> { ["web"] = "bin/web" } },
        });
    }

    private Task<Build> CreateBuildAsync(string ns, string name, BuildSource source) =>
        cluster.Client.CreateAsync(new Build { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Spec = new BuildSpec { App = "shop", Source = source } });

    private async Task<Build> WaitForBuildAsync(string ns, string name, Func<Build, bool> done)
    {
        Build? build = null;
        await Eventually.TrueAsync(async () => done(build = await cluster.Client.GetAsync<Build>(name, ns)), $"Build {name} reaches the expected state");
        return build!;
    }

    private Task<IReadOnlyList<Release>> HistoryAsync(string ns) =>
        new ReleaseLedger(cluster.Client).ReadHistoryAsync("shop", ns, CancellationToken.None);
}
