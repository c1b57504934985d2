using static Kube.Testing.Tests.Admission.AdmissionFixture;

namespace Kube.Testing.Tests.Admission;

public sealed class AdmissionPlainHttpTests : IAsyncLifetime
{
    private WebhookTestServer _server = null!;

    public async Task InitializeAsync() => _server = await WebhookTestServer.StartAsync(https: false);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Plain_http_urls_are_refused_unless_the_chain_allows_them_for_tests()
    {
        // https://kubernetes.io/docs/reference/access-authn-authz/extensible-admission-controllers/#url : webhook URLs must use https.
        _server.On("/plain", request => WebhookTestServer.Deny(request, "reached over http"));
        var attributes = Create(Deployment(), validating: [Configuration("v", Webhook("plain.example.com", _server.Url("/plain"), null))]);

        var strict = await Chain().AdmitAsync(attributes, CancellationToken.None);
        var relaxed = await Chain(allowHttp: true).AdmitAsync(attributes, CancellationToken.None);

        strict.Message.Should().StartWith("failed calling webhook \"plain.example.com\": clientConfig.url \"http://127.0.0.1:").And.EndWith("must be an absolute https:// URL");
        relaxed.Message.Should().Be("admission webhook \"plain.example.com\" denied the request: reached over http");
    }
}
