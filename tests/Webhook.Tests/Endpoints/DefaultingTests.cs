using System.Text.Json.Nodes;
using Paas.Platform;
using Paas.Webhook.Tests.Support;

namespace Paas.Webhook.Tests.Endpoints;

public sealed class DefaultingTests : IAsyncLifetime
{
    private static readonly PlatformSettings Settings = PlatformSettings.Default with { DefaultStack = "heroku-24-custom", DefaultDynoSize = "basic" };
    private WebhookTestHost host = null!;

    public async Task InitializeAsync() => host = await WebhookTestHost.StartAsync(Settings);

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public async Task App_without_a_stack_gets_the_platform_default_stack()
    {
        var app = Manifests.Read(Manifests.GoodApp).With(a => a["spec"]!.AsObject().Remove("stack"));

        var response = await host.MutateAsync(Reviews.Create(app, uid: "uid-mutate"));

        response.Allowed().Should().BeTrue();
        ((string?)response["uid"]).Should().Be("uid-mutate");
        response.Patch().ToJsonString().Should().Be("""[{"op":"add","path":"/spec/stack","value":"heroku-24-custom"}]""");
    }

    [Fact]
    public async Task App_without_a_spec_gets_a_spec_with_the_default_stack()
    {
        var app = Manifests.Read(Manifests.GoodApp).With(a => a.Remove("spec"));

        var response = await host.MutateAsync(Reviews.Create(app));

        response.Patch().ToJsonString().Should().Be("""[{"op":"add","path":"/spec","value":{"stack":"heroku-24-custom"}}]""");
    }

    [Fact]
    public async Task App_that_names_its_stack_is_not_patched()
    {
        var response = await host.MutateAsync(Reviews.Create(Manifests.Read(Manifests.GoodApp)));

        response.Allowed().Should().BeTrue();
        response["patch"].Should().BeNull();
        response["patchType"].Should().BeNull();
    }

    [Fact]
    public async Task Update_that_omits_the_stack_keeps_the_stored_one()
    {
        var stored = Manifests.Read(Manifests.GoodApp).With(a => a["spec"]!["stack"] = "heroku-22");
        var updated = stored.With(a => a["spec"]!.AsObject().Remove("stack"));

        var response = await host.MutateAsync(Reviews.Update(stored, updated));

        response.Patch().ToJsonString().Should().Be("""[{"op":"add","path":"/spec/stack","value":"heroku-22"}]""");
    }

    [Fact]
    public async Task Formation_processes_without_a_size_get_the_default_size()
    {
        var formation = Manifests.Read(Manifests.GoodFormation).With(f =>
        {
            f["spec"]!["processes"]!["web"]!.AsObject().Remove("size");
            f["spec"]!["processes"]!["urgent_worker"] = new JsonObject { ["quantity"] = 1 };
        });

        var response = await host.MutateAsync(Reviews.Create(formation));

        response.Patch().ToJsonString().Should().Be(
            """[{"op":"add","path":"/spec/processes/urgent_worker/size","value":"basic"},{"op":"add","path":"/spec/processes/web/size","value":"basic"}]""");
    }

    [Fact]
    public async Task Release_and_build_have_nothing_to_default()
    {
        (await host.MutateAsync(Reviews.Create(Manifests.Read(Manifests.GoodRelease))))["patch"].Should().BeNull();
        (await host.MutateAsync(Reviews.Create(Manifests.Read(Manifests.GoodBuild))))["patch"].Should().BeNull();
    }

    [Fact]
    public async Task Unreadable_object_is_left_for_validation_to_reject()
    {
        var app = Manifests.Read(Manifests.GoodApp).With(a => a["spec"]!["domains"] = "shop.example.com");

        var response = await host.MutateAsync(Reviews.Create(app));

        response.Allowed().Should().BeTrue();
        response["patch"].Should().BeNull();
    }
}
