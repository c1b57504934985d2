using System.Net;
using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Paas.Controllers.Tests.Support;
using Paas.Platform.Api;
using Paas.Platform.Sources;

namespace Paas.Controllers.Tests.Sources;

public class SourceControllerTests : IClassFixture<Cluster>
{
    private const string A = "a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1a1";
    private const string B = "b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2b2";
    private const string Repo = "https://git.example/team/shop.git";
    private readonly Cluster cluster;

    public SourceControllerTests(Cluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task App_with_a_source_gets_one_build_for_the_commit_its_ref_points_to()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        await using var op = await SourceOperator.StartAsync(cluster, ns, git);

        var app = await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main", Path = "services/api" });

        var build = await WaitForBuildAsync(ns, "shop-a1a1a1a");
        build.Spec.App.Should().Be("shop");
        build.Spec.Source.Git.Should().Be(new GitSource { Url = Repo, Ref = A, Path = "services/api" });
        build.Metadata.Labels.Should().Contain(PaasLabels.App, "shop");
        build.Metadata.Annotations.Should().Contain(AutoBuilds.FollowedRefAnnotation, "refs/heads/main");
        build.Metadata.OwnerReferences.Should().ContainSingle(owner => owner.Kind == "App" && owner.Name == "shop" && owner.Uid == app.Metadata.Uid);
        var resolved = await WaitForAppAsync(ns, a => a.Status?.SourceCommit == A && Condition(a)?.Status == "True", "status records the commit");
        Condition(resolved)!.Message.Should().Contain(A).And.Contain("refs/heads/main").And.Contain(Repo);
        await Eventually.TrueAsync(async () => (await EventsAsync(ns, SourceReasons.AutoBuildStarted)).Count == 1, "the AutoBuildStarted event is recorded");
        (await EventsAsync(ns, SourceReasons.AutoBuildStarted)).Single().Note.Should().Contain("shop-a1a1a1a").And.Contain(A).And.Contain("refs/heads/main");

        await Eventually.TrueAsync(() => git.RequestsFor(Repo) >= 3, "the ref is polled again on the interval");
        (await BuildsAsync(ns)).Should().ContainSingle("an unchanged commit starts no second Build");
    }

    [Fact]
    public async Task New_commit_at_the_ref_starts_a_second_build()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        await using var op = await SourceOperator.StartAsync(cluster, ns, git);
        await CreateAppAsync(ns, new GitSource { Url = Repo });
        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == A, "the first commit is recorded");

        git.Move(Repo, "refs/heads/main", B);

        var second = await WaitForBuildAsync(ns, "shop-b2b2b2b");
        second.Spec.Source.Git!.Ref.Should().Be(B);
        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == B, "the new commit is recorded");
        (await BuildsAsync(ns)).Select(b => b.Metadata.Name).Should().BeEquivalentTo(["shop-a1a1a1a", "shop-b2b2b2b"]);
    }

    [Fact]
    public async Task Restart_with_its_status_write_lost_finds_the_build_and_creates_no_duplicate()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        await using (var first = await SourceOperator.StartAsync(cluster, ns, git))
        {
            await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main" });
            await WaitForAppAsync(ns, a => a.Status?.SourceCommit == A, "the commit is recorded");
        }

        // As if the operator stopped between creating the Build and recording its commit.
        await cluster.Client.MergePatchAsync<App>("shop", ns, new JsonObject { ["status"] = new JsonObject { ["sourceCommit"] = null } }, "status");
        var polled = git.RequestsFor(Repo);
        await using var second = await SourceOperator.StartAsync(cluster, ns, git);

        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == A, "the restarted operator records the commit of the Build it finds");
        await Eventually.TrueAsync(() => git.RequestsFor(Repo) >= polled + 2, "the restarted operator polls on");
        (await BuildsAsync(ns)).Should().ContainSingle();
        (await EventsAsync(ns, SourceReasons.AutoBuildStarted)).Should().ContainSingle("only the Build actually created is announced");
    }

    [Fact]
    public async Task Two_operators_polling_at_once_create_one_build()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main" });

        await using var one = await SourceOperator.StartAsync(cluster, ns, git);
        await using var two = await SourceOperator.StartAsync(cluster, ns, git);

        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == A, "the commit is recorded");
        await Eventually.TrueAsync(() => git.RequestsFor(Repo) >= 6, "both operators poll a few times");
        (await BuildsAsync(ns)).Should().ContainSingle().Which.Metadata.Name.Should().Be("shop-a1a1a1a");
    }

    [Fact]
    public async Task Changed_source_is_polled_at_once_not_after_the_interval()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        git.Move(Repo, "refs/heads/dev", B);
        await using var op = await SourceOperator.StartAsync(cluster, ns, git, pollSeconds: 3600);
        await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main" });
        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == A, "main is built");

        await cluster.Client.MergePatchAsync<App>("shop", ns, new JsonObject { ["spec"] = new JsonObject { ["source"] = new JsonObject { ["git"] = new JsonObject { ["ref"] = "dev" } } } });

        await WaitForBuildAsync(ns, "shop-b2b2b2b");
        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == B, "dev's commit is recorded within the test's deadline, far below the hour's interval");
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, SourceReasons.NotFound, "was not found (HTTP 404)")]
    [InlineData(HttpStatusCode.Unauthorized, SourceReasons.AuthRequired, "requires credentials (HTTP 401)")]
    public async Task Refused_poll_reports_the_url_and_the_fix_and_creates_no_build(HttpStatusCode status, string reason, string expected)
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Fail(Repo, status);
        await using var op = await SourceOperator.StartAsync(cluster, ns, git);

        await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main" });

        var app = await WaitForAppAsync(ns, a => Condition(a)?.Reason == reason, $"the condition says {reason}");
        Condition(app)!.Status.Should().Be("False");
        Condition(app)!.Message.Should().StartWith($"spec.source.git.url: \"{Repo}\"").And.Contain(expected);
        await Eventually.TrueAsync(async () => (await EventsAsync(ns, reason)).Count == 1, "a Warning event tells the same");
        (await EventsAsync(ns, reason)).Single().Type.Should().Be("Warning");
        app.Status!.SourceCommit.Should().BeNull();
        (await BuildsAsync(ns)).Should().BeEmpty();
    }

    [Fact]
    public async Task Unreachable_host_is_reported_backs_off_and_recovers_when_it_answers()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Unplug(Repo);
        await using var op = await SourceOperator.StartAsync(cluster, ns, git);
        await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main" });

        var app = await WaitForAppAsync(ns, a => Condition(a)?.Reason == SourceReasons.Unreachable, "the condition says the host is unreachable");
        Condition(app)!.Message.Should().Contain(Repo).And.Contain("could not be reached (Connection refused").And.Contain("check the host name");
        (await BuildsAsync(ns)).Should().BeEmpty();

        await Eventually.TrueAsync(() => git.RequestsFor(Repo) >= 2, "it tries again after its backoff");
        git.Serve(Repo, "main", A);

        await WaitForBuildAsync(ns, "shop-a1a1a1a");
        await WaitForAppAsync(ns, a => Condition(a)?.Status == "True" && a.Status?.SourceCommit == A, "the condition recovers");
        (await EventsAsync(ns, SourceReasons.Unreachable)).Should().ContainSingle("a failure repeated at every backoff is told once");
    }

    [Theory]
    [InlineData("ssh://git@git.example/team/shop.git")]
    [InlineData("git@git.example:team/shop.git")]
    public async Task Ssh_url_is_reported_as_not_pollable_with_the_https_url_to_use(string url)
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        await using var op = await SourceOperator.StartAsync(cluster, ns, git);

        await CreateAppAsync(ns, new GitSource { Url = url, Ref = "main" });

        var app = await WaitForAppAsync(ns, a => Condition(a)?.Reason == SourceReasons.NotPollable, "the condition says the URL cannot be polled");
        Condition(app)!.Message.Should().StartWith($"spec.source.git.url: \"{url}\"").And.Contain("\"https://git.example/team/shop.git\"").And.Contain("create Builds yourself");
        await Eventually.TrueAsync(async () => (await EventsAsync(ns, SourceReasons.NotPollable)).Count == 1, "a Warning event tells the same");
        git.TotalRequests.Should().Be(0);
        (await BuildsAsync(ns)).Should().BeEmpty();
    }

    [Fact]
    public async Task Full_sha_ref_builds_that_commit_once_without_asking_the_host()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        await using var op = await SourceOperator.StartAsync(cluster, ns, git);

        await CreateAppAsync(ns, new GitSource { Url = "git@git.example:team/shop.git", Ref = B });

        var build = await WaitForBuildAsync(ns, "shop-b2b2b2b");
        build.Spec.Source.Git!.Ref.Should().Be(B);
        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == B && Condition(a)?.Status == "True", "the commit is recorded");
        git.TotalRequests.Should().Be(0);
    }

    [Fact]
    public async Task Removing_the_source_removes_its_condition_and_keeps_the_builds()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        await using var op = await SourceOperator.StartAsync(cluster, ns, git);
        await CreateAppAsync(ns, new GitSource { Url = Repo });
        await WaitForAppAsync(ns, a => Condition(a) is not null && a.Status?.SourceCommit == A, "the source is resolved");

        await cluster.Client.MergePatchAsync<App>("shop", ns, new JsonObject { ["spec"] = new JsonObject { ["source"] = null } });

        await WaitForAppAsync(ns, a => Condition(a) is null, "the SourceResolved condition is gone");
        (await BuildsAsync(ns)).Should().ContainSingle("nothing is deleted");
    }

    [Fact]
    public async Task Source_commit_and_condition_survive_the_app_reconcilers_status_writes()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        await using var op = await SourceOperator.StartAsync(cluster, ns, git, wholeOperator: true);
        await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main" });
        await WaitForAppAsync(ns, a => a.Status?.SourceCommit == A && a.Status.LatestBuild == "shop-a1a1a1a", "both reconcilers reported");

        // A config change makes the App reconciler create a Release and write status again.
        await cluster.Client.MergePatchAsync<App>("shop", ns, new JsonObject { ["spec"] = new JsonObject { ["config"] = new JsonObject { ["FOO"] = "bar" } } });

        var app = await WaitForAppAsync(ns, a => a.Status?.ObservedGeneration == a.Metadata.Generation && a.Status?.Conditions?.Any(c => c.Type == ConditionTypes.Released && c.ObservedGeneration == a.Metadata.Generation) == true,
            "the App reconciler reported the new generation");
        app.Status!.SourceCommit.Should().Be(A);
        Condition(app)!.Status.Should().Be("True");
        app.Status.Conditions.Should().Contain(c => c.Type == ConditionTypes.Building);
        (await BuildsAsync(ns)).Should().ContainSingle();
    }

    [Fact]
    public async Task Operator_without_the_right_to_create_builds_says_so_in_the_condition()
    {
        var ns = await cluster.NewNamespaceAsync();
        var git = new FakeGitHost();
        git.Serve(Repo, "main", A);
        using var forbidden = new KubeClient(new ForbiddenBuilds(), cluster.Server.BaseAddress, new KubeClientOptions { JsonResolvers = [PaasJsonContext.Default] });
        await using var op = await SourceOperator.StartAsync(cluster, ns, git, client: forbidden);

        await CreateAppAsync(ns, new GitSource { Url = Repo, Ref = "main" });

        var app = await WaitForAppAsync(ns, a => Condition(a)?.Reason == SourceReasons.BuildForbidden, "the condition says the operator may not create Builds");
        Condition(app)!.Message.Should().Contain("cannot create resource \"builds\"").And.Contain("grant its ClusterRole the verb create on builds");
        app.Status!.SourceCommit.Should().BeNull("no Build was started");
    }

    private static Condition? Condition(App app) => app.Status?.Conditions?.FirstOrDefault(c => c.Type == SourceReasons.ConditionType);

    private Task<App> CreateAppAsync(string ns, GitSource source) =>
        cluster.Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = "shop", Namespace = ns }, Spec = new AppSpec { Source = new AppSource { Git = source } } });

    private async Task<App> WaitForAppAsync(string ns, Func<App, bool> condition, string because)
    {
        App? app = null;
        await Eventually.TrueAsync(async () => condition(app = await cluster.Client.GetAsync<App>("shop", ns)), because);
        return app!;
    }

    private async Task<Build> WaitForBuildAsync(string ns, string name)
    {
        Build? build = null;
        await Eventually.TrueAsync(async () => (build = await cluster.Client.TryGetAsync<Build>(name, ns)) is not null, $"Build {name} exists");
        return build!;
    }

    private async Task<IReadOnlyList<Build>> BuildsAsync(string ns) => (await cluster.Client.ListAsync<Build>(ns)).Items;

    private async Task<List<Event>> EventsAsync(string ns, string reason) =>
        [.. (await cluster.Client.ListAsync<Event>(ns)).Items.Where(e => e.Regarding?.Kind == "App" && e.Reason == reason)];
}
