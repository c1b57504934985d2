using System.Text.Json.Nodes;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class JsonOutputTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public JsonOutputTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Apps_json_is_the_array_of_app_objects_as_the_server_has_them()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, "shop");
        await cluster.CreateAppAsync(ns, "blog");
        await cluster.SetAppStatusAsync(ns, new JsonObject { ["currentRelease"] = 3 });

        var run = await cluster.RunAsync("apps", "-n", ns, "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        var apps = JsonNode.Parse(run.Out)!.AsArray();
        apps.Select(app => (string?)app!["metadata"]!["name"]).Should().Equal("blog", "shop");
        apps[1]!["kind"]!.GetValue<string>().Should().Be("App");
        apps[1]!["status"]!["currentRelease"]!.GetValue<int>().Should().Be(3);
    }

    [Fact]
    public async Task Config_json_is_one_object_of_names_to_values()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Config = new Dictionary<string, string> { ["B"] = "2", ["A"] = "x\"y" } });

        var run = await cluster.RunAsync("config", "-a", "shop", "-n", ns, "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        var vars = JsonNode.Parse(run.Out)!.AsObject();
        vars.Select(pair => (pair.Key, (string?)pair.Value)).Should().Equal(("A", "x\"y"), ("B", "2"));
    }

    [Fact]
    public async Task Releases_json_lists_the_release_objects_newest_first()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await cluster.CreateReleaseAsync(ns, 1, "Deploy 1a2b3c4");
        await cluster.CreateReleaseAsync(ns, 2, "Set FOO config vars", current: true);

        var run = await cluster.RunAsync("releases", "-a", "shop", "-n", ns, "--json");

        run.ExitCode.Should().Be(0, run.ToString());
        var releases = JsonNode.Parse(run.Out)!.AsArray();
        releases.Select(release => release!["spec"]!["version"]!.GetValue<int>()).Should().Equal(2, 1);
        releases[0]!["status"]!["current"]!.GetValue<bool>().Should().BeTrue();
    }
}
