using System.Net;
using Paas.Webhook.Http;
using Paas.Webhook.Tests.Support;

namespace Paas.Webhook.Tests.Endpoints;

public sealed class BadRequestTests : IAsyncLifetime
{
    private WebhookTestHost host = null!;

    public async Task InitializeAsync() => host = await WebhookTestHost.StartAsync(maxRequestBodyBytes: 64 * 1024);

    public async Task DisposeAsync() => await host.DisposeAsync();

    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "the request body is empty" },
        { "{not json", "the request body is not an AdmissionReview in JSON" },
        { "null", "the request body is JSON null" },
        { "[1,2]", "the request body is not an AdmissionReview in JSON" },
        { """{"apiVersion":"admission.k8s.io/v1beta1","kind":"AdmissionReview","request":{}}""", "apiVersion is \"admission.k8s.io/v1beta1\", and this webhook answers only admission.k8s.io/v1" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"Pod"}""", "kind is \"Pod\", expected AdmissionReview" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview"}""", "the AdmissionReview has no request" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"operation":"CREATE"}}""", "request.uid is missing" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"PATCH"}}""", "request.operation is \"PATCH\"" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","kind":{"group":"","version":"v1","kind":"Pod"},"object":{}}}""", "request.kind is /v1, Kind=Pod, and this webhook handles only paas.dev App, Build, Release, Formation" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","kind":{"group":"paas.dev","version":"v1alpha1","kind":"App"}}}""", "request.object is missing, and a CREATE must carry the object" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"UPDATE","kind":{"group":"paas.dev","version":"v1alpha1","kind":"App"},"object":{}}}""", "request.oldObject is missing" },
        { """{"apiVersion":"admission.k8s.io/v1","kind":"AdmissionReview","request":{"uid":"u","operation":"CREATE","kind":{"group":"paas.dev","version":"v1alpha1","kind":"App"},"object":"an app"}}""", "request.object is a JSON string, not an object, and a CREATE must carry the object" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Bad_bodies_get_400_with_a_message_saying_what_is_wrong(string body, string expected)
    {
        foreach (var path in new[] { WebhookEndpoints.ValidatePath, WebhookEndpoints.MutatePath })
        {
            using var response = await host.PostAsync(path, body);

            response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
            (await response.Content.ReadAsStringAsync()).Should().Contain(expected);
        }
    }

    [Fact]
    public async Task Oversized_body_gets_413_naming_the_limit()
    {
        var app = Manifests.Read(Manifests.GoodApp).With(a => a["spec"]!["procfile"] = "web: " + new string('x', 100 * 1024));

        using var response = await host.PostAsync(WebhookEndpoints.ValidatePath, Reviews.Create(app).ToJsonString());

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        (await response.Content.ReadAsStringAsync()).Should().Contain("larger than the webhook's limit of 65536 bytes");
    }

    [Fact]
    public async Task Oversized_body_without_content_length_is_refused_while_reading()
    {
        var body = Reviews.Create(Manifests.Read(Manifests.GoodApp).With(a => a["spec"]!["procfile"] = "web: " + new string('x', 100 * 1024))).ToJsonString();
        using var content = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(body)));
        content.Headers.ContentLength = null;
        using var request = new HttpRequestMessage(HttpMethod.Post, WebhookEndpoints.ValidatePath) { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await host.Client.SendAsync(request);

        response.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Get_is_not_an_admission_request()
    {
        using var response = await host.Client.GetAsync(WebhookEndpoints.ValidatePath);

        response.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task A_good_review_after_bad_ones_is_still_answered()
    {
        using (await host.PostAsync(WebhookEndpoints.ValidatePath, "{not json")) { }

        var response = await host.ValidateAsync(Reviews.Create(Manifests.Read(Manifests.GoodApp)));

        response.Allowed().Should().BeTrue();
    }
}
