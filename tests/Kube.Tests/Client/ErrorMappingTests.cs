using System.Net;
using Kube.Client;
using Kube.Tests.Support;

namespace Kube.Tests.Client;

public sealed class ErrorMappingTests
{
    [Theory]
    [InlineData(401, "Unauthorized", typeof(UnauthorizedException))]
    [InlineData(403, "Forbidden", typeof(ForbiddenException))]
    [InlineData(404, "NotFound", typeof(NotFoundException))]
    [InlineData(409, "Conflict", typeof(ConflictException))]
    [InlineData(409, "AlreadyExists", typeof(AlreadyExistsException))]
    [InlineData(410, "Gone", typeof(GoneException))]
    [InlineData(410, "Expired", typeof(GoneException))]
    [InlineData(422, "Invalid", typeof(InvalidException))]
    [InlineData(400, "BadRequest", typeof(KubeApiException))]
    [InlineData(405, "MethodNotAllowed", typeof(KubeApiException))]
    [InlineData(415, "UnsupportedMediaType", typeof(KubeApiException))]
    public async Task Status_reason_maps_to_its_exception(int code, string reason, Type expected)
    {
        var handler = new ScriptedHandler().ThenJson((HttpStatusCode)code, ScriptedHandler.StatusJson(code, reason, $"it is {reason}"));
        using var client = TestClients.Over(handler);

        var error = await Assert.ThrowsAnyAsync<KubeApiException>(() => client.GetAsync<ConfigMap>("x", "ns"));

        error.Should().BeOfType(expected);
        error.StatusCode.Should().Be(code);
        error.Reason.Should().Be(reason);
        error.Message.Should().Be($"it is {reason}");
    }

    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    [InlineData(504, "Timeout")]
    public async Task Server_errors_that_outlast_the_retries_keep_their_status(int code, string reason)
    {
        var handler = new ScriptedHandler().ThenJson((HttpStatusCode)code, ScriptedHandler.StatusJson(code, reason, "server trouble"));
        using var client = new KubeClient(handler, TestClients.Server, new KubeClientOptions
        {
            JsonResolvers = [TestJsonContext.Default],
            Retry = new KubeRetryOptions { MaxAttempts = 1 },
        });

        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.GetAsync<ConfigMap>("x", "ns"));

        error.StatusCode.Should().Be(code);
        error.Reason.Should().Be(reason);
        error.Message.Should().Be("server trouble");
    }

    [Fact]
    public async Task Invalid_exposes_the_field_causes()
    {
        var details = """{"name":"x","kind":"ConfigMap","causes":[{"reason":"FieldValueInvalid","message":"Invalid value: \"X\"","field":"metadata.name"}]}""";
        var handler = new ScriptedHandler().ThenJson(HttpStatusCode.UnprocessableEntity, ScriptedHandler.StatusJson(422, "Invalid", "ConfigMap \\\"X\\\" is invalid", details));
        using var client = TestClients.Over(handler);

        var error = await Assert.ThrowsAsync<InvalidException>(() => client.CreateAsync(ConfigMap.Named("X", "ns")));

        error.Causes.Should().ContainSingle().Which.Field.Should().Be("metadata.name");
    }

    [Fact]
    public async Task Too_many_requests_carries_retry_after()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 5; i++)
        {
            handler.ThenJson(HttpStatusCode.TooManyRequests, ScriptedHandler.StatusJson(429, "TooManyRequests", "slow down"), r => r.Headers.Add("Retry-After", "3"));
        }

        using var client = TestClients.Over(handler);

        var error = await Assert.ThrowsAsync<TooManyRequestsException>(() => client.GetAsync<ConfigMap>("x", "ns"));

        error.RetryAfter.Should().Be(TimeSpan.FromSeconds(3));
        handler.Requests.Should().HaveCount(5, "429 is retried until the attempt budget is spent");
    }

    [Fact]
    public async Task Body_that_is_not_a_status_gives_code_request_and_excerpt()
    {
        var handler = new ScriptedHandler().Then(_ => new HttpResponseMessage(HttpStatusCode.BadGateway)
        {
            Content = new StringContent("<html>upstream connect error</html>"),
        });
        using var client = new KubeClient(handler, TestClients.Server, new KubeClientOptions
        {
            JsonResolvers = [TestJsonContext.Default],
            Retry = new KubeRetryOptions { MaxAttempts = 1 },
        });

        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.GetAsync<ConfigMap>("x", "ns"));

        error.StatusCode.Should().Be(502);
        error.Message.Should().Be("GET /api/v1/namespaces/ns/configmaps/x: HTTP 502 Bad Gateway: <html>upstream connect error</html>");
    }

    [Fact]
    public async Task Try_get_returns_null_for_not_found_but_throws_for_forbidden()
    {
        var handler = new ScriptedHandler()
            .ThenJson(HttpStatusCode.NotFound, ScriptedHandler.StatusJson(404, "NotFound", "configmaps \\\"x\\\" not found"))
            .ThenJson(HttpStatusCode.Forbidden, ScriptedHandler.StatusJson(403, "Forbidden", "no"));
        using var client = TestClients.Over(handler);

        (await client.TryGetAsync<ConfigMap>("x", "ns")).Should().BeNull();
        await Assert.ThrowsAsync<ForbiddenException>(() => client.TryGetAsync<ConfigMap>("x", "ns"));
    }
}
