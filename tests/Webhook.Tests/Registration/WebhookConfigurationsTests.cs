using System.Text.Json.Nodes;
using Paas.Webhook.Registration;

namespace Paas.Webhook.Tests.Registration;

public sealed class WebhookConfigurationsTests
{
    [Fact]
    public void Validating_configuration_routes_creates_and_updates_of_all_four_kinds_to_the_service()
    {
        var (validating, _) = WebhookConfigurations.Render(new WebhookOptions { Namespace = "paas-system" }, "Q0E=");

        ((string?)validating["kind"]).Should().Be("ValidatingWebhookConfiguration");
        ((string?)validating["metadata"]!["name"]).Should().Be("paas-operator");
        var webhook = validating["webhooks"]!.AsArray().Single()!.AsObject();
        webhook.ToJsonString().Should().Be(new JsonObject
        {
            ["name"] = "validate.paas.dev",
            ["admissionReviewVersions"] = new JsonArray("v1"),
            ["clientConfig"] = new JsonObject
            {
                ["service"] = new JsonObject { ["namespace"] = "paas-system", ["name"] = "paas-operator-webhook", ["path"] = "/validate", ["port"] = 443 },
                ["caBundle"] = "Q0E=",
            },
            ["rules"] = new JsonArray(new JsonObject
            {
                ["apiGroups"] = new JsonArray("paas.dev"),
                ["apiVersions"] = new JsonArray("v1alpha1"),
                ["operations"] = new JsonArray("CREATE", "UPDATE"),
                ["resources"] = new JsonArray("apps", "builds", "releases", "formations"),
                ["scope"] = "Namespaced",
            }),
            ["failurePolicy"] = "Fail",
            ["matchPolicy"] = "Equivalent",
            ["sideEffects"] = "None",
            ["timeoutSeconds"] = 10,
        }.ToJsonString());
    }

    [Fact]
    public void Mutating_configuration_covers_only_the_kinds_with_defaults_and_is_not_reinvoked()
    {
        var (_, mutating) = WebhookConfigurations.Render(new WebhookOptions());

        var webhook = mutating["webhooks"]!.AsArray().Single()!;
        ((string?)mutating["kind"]).Should().Be("MutatingWebhookConfiguration");
        ((string?)webhook["name"]).Should().Be("default.paas.dev");
        ((string?)webhook["clientConfig"]!["service"]!["path"]).Should().Be("/mutate");
        webhook["clientConfig"]!["caBundle"].Should().BeNull("no bundle was given");
        webhook["rules"]![0]!["resources"]!.AsArray().Select(r => (string?)r).Should().Equal("apps", "formations");
        ((string?)webhook["reinvocationPolicy"]).Should().Be("Never");
        ((string?)webhook["failurePolicy"]).Should().Be("Fail");
    }

    [Fact]
    public void Cert_manager_mode_asks_the_ca_injector_for_the_bundle()
    {
        var (validating, mutating) = WebhookConfigurations.Render(new WebhookOptions { TlsMode = WebhookTlsMode.CertManager, Namespace = "ops" });

        foreach (var configuration in new[] { validating, mutating })
        {
            ((string?)configuration["metadata"]!["annotations"]!["cert-manager.io/inject-ca-from"]).Should().Be("ops/paas-operator-webhook");
        }
    }

    [Fact]
    public void A_url_replaces_the_service_reference()
    {
        var (validating, _) = WebhookConfigurations.Render(new WebhookOptions { Url = new Uri("https://127.0.0.1:9443") });

        var clientConfig = validating["webhooks"]![0]!["clientConfig"]!;
        ((string?)clientConfig["url"]).Should().Be("https://127.0.0.1:9443/validate");
        clientConfig["service"].Should().BeNull();
    }
}
