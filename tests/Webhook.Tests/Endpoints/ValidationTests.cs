using System.Text.Json.Nodes;
using Paas.Webhook.Tests.Support;

namespace Paas.Webhook.Tests.Endpoints;

public sealed class ValidationTests : IAsyncLifetime
{
    private WebhookTestHost host = null!;

    public async Task InitializeAsync() => host = await WebhookTestHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task Valid_app_is_allowed_and_the_uid_is_echoed()
    {
        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(Manifests.GoodApp), uid: "d2b1a8e4-1111-4c3e-9b1e-5a2f0c7d9e01"));

        response.Allowed().Should().BeTrue(response.Message());
        ((string?)response["uid"]).Should().Be("d2b1a8e4-1111-4c3e-9b1e-5a2f0c7d9e01");
        response["status"].Should().BeNull();
    }

    [Theory]
    [InlineData(Manifests.GoodBuild)]
    [InlineData(Manifests.GoodRelease)]
    public async Task Valid_build_and_release_are_allowed(string yaml)
    {
        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(yaml)));

        response.Allowed().Should().BeTrue(response.Message());
    }

    [Fact]
    public async Task Invalid_app_is_denied_with_every_error_on_its_own_line()
    {
        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(Manifests.BadApp)));

        response.Allowed().Should().BeFalse();
        response.Code().Should().Be(422);
        ((string?)response["status"]!["reason"]).Should().Be("Invalid");
        var lines = response.Message().Split('\n');
        lines[0].Should().Be("App \"shop\" in namespace \"team-a\" is invalid (3 errors):");
        lines.Should().HaveCount(4);
        lines[1].Should().StartWith("  spec.config: key \"MY-KEY\" is invalid: config var keys may contain only letters, digits and underscores").And.Contain("rename it, e.g. \"MY_KEY\"");
        lines[2].Should().StartWith("  spec.domains[0]: domain \"Shop.Example.com\" is invalid: domains must be lowercase").And.Contain("write it as \"shop.example.com\"");
        lines[3].Should().StartWith("  spec.domains[1]: domain \"www..example.com\" is invalid:").And.Contain("remove the empty label");
    }

    [Fact]
    public async Task Object_that_does_not_match_its_schema_is_denied_with_the_field()
    {
        var formation = Manifests.Read(Manifests.GoodFormation).With(f => f["spec"]!["processes"]!["web"]!["quantity"] = "two");

        var response = await host.ValidateAsync(Reviews.Create(formation));

        response.Allowed().Should().BeFalse();
        response.Message().Should().Contain("spec.processes.web.quantity").And.Contain("does not match its schema");
    }

    [Fact]
    public async Task Changing_a_release_spec_is_denied_naming_each_changed_field()
    {
        var release = Manifests.Read(Manifests.GoodRelease);
        var changed = release.With(r =>
        {
            r["spec"]!["image"] = "registry.example.com/team-a/shop@sha256:" + new string('a', 64);
            r["spec"]!["description"] = "Deploy 9f9f9f9";
        });

        var response = await host.ValidateAsync(Reviews.Update(release, changed));

        response.Allowed().Should().BeFalse();
        response.Message().Should().Contain("(2 errors)")
            .And.Contain("spec.description: a Release's spec cannot change after creation")
            .And.Contain("this update changes spec.image")
            .And.Contain("create a new Release, or roll back, instead");
    }

    [Fact]
    public async Task Changing_only_a_release_s_labels_is_allowed()
    {
        var release = Manifests.Read(Manifests.GoodRelease);
        var labelled = release.With(r => r["metadata"]!["labels"] = new JsonObject { ["paas.dev/current"] = "true" });

        var response = await host.ValidateAsync(Reviews.Update(release, labelled));

        response.Allowed().Should().BeTrue(response.Message());
    }

    [Fact]
    public async Task Changing_a_build_s_source_is_denied()
    {
        var build = Manifests.Read(Manifests.GoodBuild);
        var changed = build.With(b => b["spec"]!["source"]!["git"]!["ref"] = "release-2");

        var response = await host.ValidateAsync(Reviews.Update(build, changed));

        response.Allowed().Should().BeFalse();
        response.Message().Should().Contain("spec.source: a Build's spec cannot change after creation").And.Contain("create a new Build instead");
    }

    [Fact]
    public async Task Update_is_not_blamed_for_errors_the_stored_object_already_had()
    {
        // Stored under older rules (or before the webhook was installed): a label must still be addable.
        var stored = Manifests.Read(Manifests.BadApp);
        var labelled = stored.With(a => a["metadata"]!["labels"] = new JsonObject { ["team"] = "checkout" });

        var response = await host.ValidateAsync(Reviews.Update(stored, labelled));

        response.Allowed().Should().BeTrue(response.Message());
    }

    [Fact]
    public async Task Update_reports_new_errors_even_when_the_stored_object_had_others()
    {
        var stored = Manifests.Read(Manifests.BadApp);
        var worse = stored.With(a => a["spec"]!["config"]!["ANOTHER KEY"] = "x");

        var response = await host.ValidateAsync(Reviews.Update(stored, worse));

        response.Allowed().Should().BeFalse();
        response.Message().Should().Contain("(1 error)").And.Contain("key \"ANOTHER KEY\"").And.NotContain("MY-KEY");
    }

    [Fact]
    public async Task Delete_is_allowed_whatever_the_object()
    {
        var response = await host.ValidateAsync(Reviews.Delete(Manifests.Read(Manifests.BadApp)));

        response.Allowed().Should().BeTrue();
    }

    [Fact]
    public async Task Status_updates_are_allowed_without_checking_the_spec()
    {
        var stored = Manifests.Read(Manifests.GoodRelease);
        var changed = stored.With(r => r["spec"]!["version"] = 7);

        var response = await host.ValidateAsync(Reviews.Update(stored, changed, subResource: "status"));

        response.Allowed().Should().BeTrue();
    }

    [Fact]
    public async Task Removing_a_finalizer_from_a_deleting_object_is_allowed_even_if_it_is_invalid()
    {
        var stored = Manifests.Read(Manifests.BadApp).With(a =>
        {
            a["metadata"]!["deletionTimestamp"] = "2025-01-01T00:00:00Z";
            a["metadata"]!["finalizers"] = new JsonArray("paas.dev/cleanup");
        });
        var released = stored.With(a => a["metadata"]!.AsObject().Remove("finalizers"));

        var response = await host.ValidateAsync(Reviews.Update(stored, released));

        response.Allowed().Should().BeTrue(response.Message());
    }

    [Fact]
    public async Task Procfile_names_mapped_to_kubernetes_names_come_back_as_warnings()
    {
        var app = Manifests.Read(Manifests.GoodApp).With(a => a["spec"]!["procfile"] = "web: puma\nurgent_worker: sidekiq -q urgent\n");

        var response = await host.ValidateAsync(Reviews.Create(app));

        response.Allowed().Should().BeTrue(response.Message());
        response.Warnings().Should().ContainSingle(w => w.StartsWith("spec.procfile line 2: ", StringComparison.Ordinal) && w.Contains("\"urgent-worker\""));
    }
}
