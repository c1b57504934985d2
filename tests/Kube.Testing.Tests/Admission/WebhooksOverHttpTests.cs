using System.Net;
using Kube.Testing.Tests.Support;
using static Kube.Testing.Tests.Admission.AdmissionFixture;

namespace Kube.Testing.Tests.Admission;

public sealed class WebhooksOverHttpTests : ServerTest
{
    private WebhookTestServer _webhook = null!;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _webhook = await WebhookTestServer.StartAsync();
    }

    public override async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        await base.DisposeAsync();
    }

    [Fact]
    public async Task Registered_webhooks_mutate_and_deny_writes()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/ : the API server calls registered webhooks on matching writes.
        _webhook.On("/mutate", request => WebhookTestServer.Allow(request, """[{"op":"add","path":"/metadata/labels","value":{"mutated":"yes"}}]"""));
        _webhook.On("/validate", request => (int?)request["object"]!["spec"]!["replicas"] > 3
            ? WebhookTestServer.Deny(request, "at most 3 replicas")
            : WebhookTestServer.Allow(request));
        var ca = _webhook.Certificates!.CaBundle;
        var mutating = Configuration("label", Webhook("label.example.com", _webhook.Url("/mutate"), ca));
        mutating["kind"] = "MutatingWebhookConfiguration";
        var validating = Configuration("limit", Webhook("limit.example.com", _webhook.Url("/validate"), ca));
        validating["kind"] = "ValidatingWebhookConfiguration";
        (await Api.PostAsync("/apis/admissionregistration.k8s.io/v1/mutatingwebhookconfigurations", mutating)).Status.Should().Be(HttpStatusCode.Created);
        (await Api.PostAsync("/apis/admissionregistration.k8s.io/v1/validatingwebhookconfigurations", validating)).Status.Should().Be(HttpStatusCode.Created);
        var ns = await Api.CreateNamespaceAsync();

        var allowed = await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("small", replicas: 2));
        var denied = await Api.PostAsync($"/apis/apps/v1/namespaces/{ns}/deployments", Objects.Deployment("big", replicas: 5));

        allowed.Status.Should().Be(HttpStatusCode.Created, allowed.Text);
        allowed.Json["metadata"]!["labels"]!["mutated"]!.GetValue<string>().Should().Be("yes");
        denied.Status.Should().Be(HttpStatusCode.Forbidden, denied.Text);
        denied.Json["message"]!.GetValue<string>().Should().Contain("admission webhook \"limit.example.com\" denied the request: at most 3 replicas");
        _webhook.RequestsTo("/validate").Select(r => (string?)r["namespace"]).Should().AllBe(ns);
    }
}
