using System.Text.Json.Nodes;
using Paas.Platform.Api;
using Paas.Webhook.Tests.Support;
using Xunit.Abstractions;

namespace Paas.Webhook.Tests.Integration;

/// <summary>The webhook registered with an API server, exercised by the real kubectl as a developer would.</summary>
public sealed class KubectlAdmissionTests(WebhookCluster cluster, ITestOutputHelper output) : IClassFixture<WebhookCluster>
{
    [Fact]
    public async Task Kubectl_apply_of_a_bad_app_fails_with_every_error_and_stores_nothing()
    {
        var yaml = Manifests.BadApp.Replace("name: shop", "name: broken", StringComparison.Ordinal);

        var result = await cluster.Kubectl.ApplyAsync(yaml);

        output.WriteLine(result.ToString());
        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Stderr.Should().Contain("admission webhook \"validate.paas.dev\" denied the request: App \"broken\" in namespace \"team-a\" is invalid (3 errors):")
            .And.Contain("spec.config: key \"MY-KEY\" is invalid")
            .And.Contain("spec.domains[0]: domain \"Shop.Example.com\" is invalid")
            .And.Contain("spec.domains[1]: domain \"www..example.com\" is invalid");
        (await cluster.Api.Client.Dynamic.TryGetAsync(App.Resource, "broken", "team-a")).Should().BeNull();
    }

    [Fact]
    public async Task Kubectl_apply_of_a_good_app_stores_it_with_the_default_stack()
    {
        var yaml = Manifests.GoodApp.Replace("name: shop", "name: storefront", StringComparison.Ordinal).Replace("  stack: heroku-24\n", "", StringComparison.Ordinal);

        var applied = await cluster.Kubectl.ApplyAsync(yaml);
        var listed = await cluster.Kubectl.RunAsync("get", "papp", "-n", "team-a");

        applied.ExitCode.Should().Be(0, applied.ToString());
        applied.Stdout.Should().Contain("app.paas.dev/storefront created");
        listed.Stdout.Should().Contain("storefront", listed.ToString());
        var stored = await cluster.Api.Client.Dynamic.GetAsync(App.Resource, "storefront", "team-a");
        ((string?)stored["spec"]!["stack"]).Should().Be("heroku-24", "the mutating webhook fills in the platform's default stack");
    }

    [Fact]
    public async Task Changing_a_release_spec_with_kubectl_is_rejected_and_the_release_is_unchanged()
    {
        var release = Manifests.GoodRelease.Replace("shop", "ledger", StringComparison.Ordinal);
        (await cluster.Kubectl.ApplyAsync(release)).ExitCode.Should().Be(0);

        var result = await cluster.Kubectl.ApplyAsync(release.Replace("Deploy 1a2b3c4", "Deploy 5e6f7a8", StringComparison.Ordinal));

        output.WriteLine(result.ToString());
        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Stderr.Should().Contain("spec").And.MatchRegex("immutable|cannot change");
        var stored = await cluster.Api.Client.Dynamic.GetAsync(Release.Resource, "ledger-v1", "team-a");
        ((string?)stored["spec"]!["description"]).Should().Be("Deploy 1a2b3c4");
    }

    [Fact]
    public async Task Kubectl_apply_of_a_formation_naming_a_missing_process_type_is_rejected()
    {
        await ReleasedAppAsync("billing");
        var formation = Manifests.GoodFormation.Replace("shop", "billing", StringComparison.Ordinal) + "\n    clock: {quantity: 1}\n";

        var result = await cluster.Kubectl.ApplyAsync(formation);

        output.WriteLine(result.ToString());
        result.ExitCode.Should().NotBe(0, result.ToString());
        result.Stderr.Should().Contain("spec.processes: process type \"clock\" is invalid: the App's current release has no such process type (it has: web, worker)");
        (await cluster.Api.Client.Dynamic.TryGetAsync(Formation.Resource, "billing", "team-a")).Should().BeNull();
    }

    [Fact]
    public async Task Kubectl_apply_of_a_formation_before_the_first_release_warns_and_stores_it()
    {
        var formation = Manifests.GoodFormation.Replace("shop", "newcomer", StringComparison.Ordinal).Replace("size: standard-1x", "", StringComparison.Ordinal);

        var result = await cluster.Kubectl.ApplyAsync(formation);

        output.WriteLine(result.ToString());
        result.ExitCode.Should().Be(0, result.ToString());
        result.Stderr.Should().Contain("Warning: spec.processes: the App has no release yet");
        var stored = await cluster.Api.Client.Dynamic.GetAsync(Formation.Resource, "newcomer", "team-a");
        ((string?)stored["spec"]!["processes"]!["worker"]!["size"]).Should().Be("standard-1x", "the default dyno size is filled in");
    }

    private async Task ReleasedAppAsync(string name)
    {
        var app = Manifests.GoodApp.Replace("name: shop", $"name: {name}", StringComparison.Ordinal);
        (await cluster.Kubectl.ApplyAsync(app)).ExitCode.Should().Be(0);
        (await cluster.Kubectl.ApplyAsync(Manifests.GoodRelease.Replace("shop", name, StringComparison.Ordinal))).ExitCode.Should().Be(0);
        await cluster.Api.Client.Dynamic.MergePatchAsync(App.Resource, name, "team-a", new JsonObject { ["status"] = new JsonObject { ["currentRelease"] = 1 } }, "status");
    }
}
