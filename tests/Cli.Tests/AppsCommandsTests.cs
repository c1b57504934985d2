using System.Text.Json.Nodes;
using Kube.Models;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class AppsCommandsTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public AppsCommandsTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Apps_lists_each_app_with_its_release_url_and_readiness()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, "shop");
        await cluster.CreateAppAsync(ns, "blog");
        await cluster.SetAppStatusAsync(ns, new JsonObject
        {
            ["url"] = "https://shop.team.example.com",
            ["currentRelease"] = 3,
            ["conditions"] = new JsonArray(Condition("Ready", "True", "AllDynosReady", "web 2/2")),
        });

        var run = await cluster.RunAsync("apps", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal(
            $"=== Apps in {ns}",
            "NAME  RELEASE  URL                            READY",
            "blog  -        -                              Unknown",
            "shop  v3       https://shop.team.example.com  True");
    }

    [Fact]
    public async Task Apps_in_an_empty_namespace_says_how_to_create_one()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("apps", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain($"No Apps in namespace {ns}; create one with `paas apps:create NAME -n {ns}`");
    }

    [Fact]
    public async Task The_namespace_defaults_to_the_kubeconfig_contexts()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, "shop");
        var kubeconfig = cluster.WriteKubeconfig($"kubeconfig-{ns}", ns);

        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter();
        var code = await PaasCli.RunAsync(["apps", "--kubeconfig", kubeconfig], new CliEnvironment { Out = output, Error = error, GetEnvironmentVariable = _ => null });

        code.Should().Be(0, error.ToString());
        output.ToString().Should().Contain($"=== Apps in {ns}").And.Contain("shop");
    }

    [Fact]
    public async Task Apps_create_creates_the_app_in_the_namespace()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("apps:create", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Be($"Creating shop in namespace {ns}... done\n");
        var app = await cluster.Client.GetAsync<App>("shop", ns);
        app.Spec.Source.Should().BeNull();
    }

    [Fact]
    public async Task Apps_create_with_git_follows_the_repository_at_the_ref()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("apps:create", "shop", "-n", ns, "--git", "https://github.com/team/shop.git#release");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("Auto-deploy: each new commit of https://github.com/team/shop.git#release is built and released");
        var app = await cluster.Client.GetAsync<App>("shop", ns);
        app.Spec.Source!.Git.Url.Should().Be("https://github.com/team/shop.git");
        app.Spec.Source.Git.Ref.Should().Be("release");
    }

    [Fact]
    public async Task Apps_create_with_an_image_deploys_it_as_a_build_owned_by_the_app()
    {
        var ns = await cluster.NewNamespaceAsync();
        var procfile = cluster.TempFile($"Procfile-{ns}", "web: nginx -g 'daemon off;'\n");

        var run = await cluster.RunAsync("apps:create", "shop", "-n", ns, "--image", "nginx:1.27", "--procfile", procfile);

        run.ExitCode.Should().Be(0, run.ToString());
        var app = await cluster.Client.GetAsync<App>("shop", ns);
        app.Spec.Procfile.Should().Be("web: nginx -g 'daemon off;'\n");
        var build = (await cluster.Client.ListAsync<Build>(ns)).Items.Should().ContainSingle().Subject;
        build.Spec.App.Should().Be("shop");
        build.Spec.Source.Image.Should().Be("nginx:1.27");
        build.Metadata.Name.Should().MatchRegex(@"^shop-\d{4}-\d{2}-\d{2}-1$");
        build.Metadata.OwnerReferences.Should().ContainSingle(owner => owner.Kind == "App" && owner.Uid == app.Metadata.Uid);
        run.Out.Should().Contain($"Deploying nginx:1.27 as Build {build.Metadata.Name}");
    }

    [Fact]
    public async Task Apps_create_with_an_image_but_no_procfile_is_refused_before_anything_is_created()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("apps:create", "shop", "-n", ns, "--image", "nginx:1.27");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("--image nginx:1.27: a prebuilt image brings no Procfile").And.Contain("--procfile PATH");
        (await cluster.Client.ListAsync<App>(ns)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Apps_create_of_a_taken_name_ends_the_step_line_exits_1_and_says_so()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("apps:create", "shop", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain($"App shop already exists in namespace {ns}");
        run.Out.Should().Be($"Creating shop in namespace {ns}... failed\n", "the step line ends before the error is printed");
    }

    [Fact]
    public async Task An_unknown_app_names_the_namespace_and_how_to_list_apps()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("apps:info", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain($"App shop not found in namespace {ns}; list Apps with `paas apps -n {ns}`");
    }

    [Fact]
    public async Task Apps_info_shows_url_release_dynos_and_conditions_with_messages()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Config = new Dictionary<string, string> { ["A"] = "1" } });
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 2, "Set A config vars", current: true);
        await cluster.SetAppStatusAsync(ns, new JsonObject
        {
            ["url"] = "https://shop.team.example.com",
            ["currentRelease"] = 2,
            ["processes"] = new JsonObject
            {
                ["web"] = new JsonObject { ["desired"] = 2, ["ready"] = 1 },
                ["worker"] = new JsonObject { ["desired"] = 1, ["ready"] = 1 },
            },
            ["conditions"] = new JsonArray(
                Condition("Ready", "False", "DynosNotReady", "web has 1 of 2 dynos ready."),
                Condition("Released", "True", "ReleaseCurrent", "v2 is current.")),
        });

        var run = await cluster.RunAsync("apps:info", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Contain("URL:           https://shop.team.example.com")
            .And.Contain("Release:       v2 (Set A config vars)")
            .And.Contain("Dynos:         web 1/2 ready, worker 1/1 ready")
            .And.Contain("Ready     False   DynosNotReady   web has 1 of 2 dynos ready.")
            .And.Contain("Released  True    ReleaseCurrent  v2 is current.");
    }

    [Fact]
    public async Task Apps_destroy_without_the_matching_confirmation_keeps_the_app()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("apps:destroy", "-a", "shop", "-n", ns, "--confirm", "shpo");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("--confirm \"shpo\" does not match").And.Contain("repeat with --confirm shop");
        (await cluster.Client.TryGetAsync<App>("shop", ns)).Should().NotBeNull();
    }

    [Fact]
    public async Task Apps_destroy_deletes_the_app_with_its_formation_builds_and_releases()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateAppAsync(ns, "blog");
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 9f9f9f9", app: "blog");
        await cluster.Client.CreateAsync(new Formation { Metadata = new ObjectMeta { Name = "shop", Namespace = ns }, Spec = new FormationSpec { App = "shop" } });
        await cluster.Client.CreateAsync(new Build
        {
            Metadata = new ObjectMeta { Name = "shop-1", Namespace = ns },
            Spec = new BuildSpec { App = "shop", Source = new BuildSource { Image = "nginx:1" } },
        });

        var run = await cluster.RunAsync("apps:destroy", "-a", "shop", "-n", ns, "--confirm", "shop");

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().EndWith("... done\n");
        (await cluster.Client.TryGetAsync<App>("shop", ns)).Should().BeNull();
        (await cluster.Client.TryGetAsync<Formation>("shop", ns)).Should().BeNull();
        (await cluster.Client.TryGetAsync<Build>("shop-1", ns)).Should().BeNull();
        (await cluster.Client.TryGetAsync<Release>("shop-v1", ns)).Should().BeNull();
        (await cluster.Client.TryGetAsync<Release>("blog-v1", ns)).Should().NotBeNull("another App's Releases stay");
    }

    private static JsonObject Condition(string type, string status, string reason, string message) => new()
    {
        ["type"] = type,
        ["status"] = status,
        ["reason"] = reason,
        ["message"] = message,
        ["lastTransitionTime"] = "2026-11-22T10:00:00Z",
    };
}
