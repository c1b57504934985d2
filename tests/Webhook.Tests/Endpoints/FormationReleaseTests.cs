using Paas.Webhook.Tests.Support;

namespace Paas.Webhook.Tests.Endpoints;

public sealed class FormationReleaseTests : IAsyncLifetime
{
    private WebhookTestHost host = null!;

    public async Task InitializeAsync() => host = await WebhookTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Formation_of_process_types_the_current_release_has_is_allowed()
    {
        host.Objects.AddReleasedApp("team-a", "shop", "web", "worker");

        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(Manifests.GoodFormation)));

        response.Allowed().Should().BeTrue(response.Message());
        response.Warnings().Should().BeEmpty();
    }

    [Fact]
    public async Task Formation_naming_an_unknown_process_type_is_denied_naming_the_known_ones()
    {
        host.Objects.AddReleasedApp("team-a", "shop", "web", "worker");
        var formation = Manifests.Read(Manifests.GoodFormation).With(f => f["spec"]!["processes"]!["clock"] = new System.Text.Json.Nodes.JsonObject { ["quantity"] = 1 });

        var response = await host.ValidateAsync(Reviews.Create(formation));

        response.Allowed().Should().BeFalse();
        response.Message().Should().Contain("spec.processes: process type \"clock\" is invalid: the App's current release has no such process type (it has: web, worker)")
            .And.Contain("scale one of those, or deploy a Procfile that defines it");
    }

    [Fact]
    public async Task Formation_of_an_app_without_a_release_is_allowed_with_a_warning()
    {
        host.Objects.Add(new Platform.Api.App { Metadata = new() { Name = "shop", Namespace = "team-a" } });

        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(Manifests.GoodFormation)));

        response.Allowed().Should().BeTrue(response.Message());
        response.Warnings().Should().ContainSingle().Which.Should().Contain("no release yet");
    }

    [Fact]
    public async Task Formation_of_a_missing_app_is_allowed_with_a_warning_that_names_it()
    {
        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(Manifests.GoodFormation)));

        response.Allowed().Should().BeTrue(response.Message());
        response.Warnings().Should().Contain(w => w.StartsWith("spec.app: App \"shop\" does not exist in namespace \"team-a\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Failure_to_read_the_release_denies_and_says_the_webhook_failed()
    {
        host.Objects.Failure = new HttpRequestException("connection refused (127.0.0.1:6443)");

        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(Manifests.GoodFormation), uid: "uid-failure"));

        response.Allowed().Should().BeFalse();
        ((string?)response["uid"]).Should().Be("uid-failure");
        response.Code().Should().Be(500);
        response.Message().Should().Contain("the paas.dev webhook could not check Formation \"shop\"").And.Contain("connection refused (127.0.0.1:6443)");
    }

    [Fact]
    public async Task Update_keeps_allowing_a_type_the_new_release_dropped_while_other_types_are_scaled()
    {
        host.Objects.AddReleasedApp("team-a", "shop", "web");
        var stored = Manifests.Read(Manifests.GoodFormation);
        var scaled = stored.With(f => f["spec"]!["processes"]!["web"]!["quantity"] = 5);

        var response = await host.ValidateAsync(Reviews.Update(stored, scaled));

        response.Allowed().Should().BeTrue(response.Message());
    }
}
