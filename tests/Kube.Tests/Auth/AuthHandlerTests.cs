using System.Net;
using Kube.Auth;
using Kube.Tests.Support;

namespace Kube.Tests.Auth;

public sealed class AuthHandlerTests
{
    [Fact]
    public async Task Basic_auth_sends_base64_of_user_and_password()
    {
        var inner = new ScriptedHandler().ThenJson(HttpStatusCode.OK, "{}");
        using var client = new HttpClient(new BasicAuthHandler(new BasicCredentials("admin", "pa:ss")) { InnerHandler = inner });

        await client.GetAsync(new Uri("https://kube.test/api"));

        inner.Requests.Single().Authorization.Should().Be("Basic YWRtaW46cGE6c3M=");
    }

    [Fact]
    public async Task Static_token_is_not_resent_after_a_401()
    {
        var inner = new ScriptedHandler().ThenJson(HttpStatusCode.Unauthorized, "{}");
        using var client = new HttpClient(new BearerTokenHandler(new StaticTokenSource("fixed")) { InnerHandler = inner });

        var response = await client.GetAsync(new Uri("https://kube.test/api"));

        response.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        inner.Requests.Should().ContainSingle().Which.Authorization.Should().Be("Bearer fixed");
    }

    [Fact]
    public async Task Rotated_token_file_is_reread_and_the_request_resent_with_its_body_after_a_401()
    {
        using var dir = new TempDirectory();
        var path = dir.Write("token", "old");
        var source = new TokenFileSource(path, new ManualClock());
        var inner = new ScriptedHandler()
            .Then(_ =>
            {
                File.WriteAllText(path, "new");
                return new HttpResponseMessage(HttpStatusCode.Unauthorized);
            })
            .ThenJson(HttpStatusCode.Created, "{}");
        using var client = new HttpClient(new BearerTokenHandler(source) { InnerHandler = inner });

        var response = await client.PostAsync(new Uri("https://kube.test/api"), new StringContent("{\"a\":1}"));

        response.StatusCode.Should().Be(HttpStatusCode.Created);
        inner.Requests.Select(r => (r.Authorization, r.Body)).Should().Equal(("Bearer old", "{\"a\":1}"), ("Bearer new", "{\"a\":1}"));
    }
}
