using System.Net;
using System.Net.Sockets;
using Kube.Client;
using Kube.Tests.Support;

namespace Kube.Tests.Client;

public sealed class RetryPolicyTests
{
    private const string ConfigMapJson = """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x","namespace":"ns"},"data":{"k":"v"}}""";
    private readonly ManualClock _clock = new();
    private readonly List<KubeRetryAttempt> _retries = [];

    [Fact]
    public async Task Service_unavailable_then_success_is_retried()
    {
        var handler = new ScriptedHandler()
            .ThenJson(HttpStatusCode.ServiceUnavailable, ScriptedHandler.StatusJson(503, "ServiceUnavailable", "etcd leader changed"))
            .ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = TestClients.Over(handler, _clock, _retries);

        var configMap = await client.GetAsync<ConfigMap>("x", "ns");

        configMap.Data.Should().Contain("k", "v");
        handler.Requests.Should().HaveCount(2);
        _retries.Should().ContainSingle().Which.StatusCode.Should().Be(503);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(504)]
    public async Task Server_errors_are_retried_for_reads(int code)
    {
        var handler = new ScriptedHandler().ThenJson((HttpStatusCode)code, "{}").ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = TestClients.Over(handler, _clock, _retries);

        await client.GetAsync<ConfigMap>("x", "ns");

        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Not_found_is_not_retried()
    {
        var handler = new ScriptedHandler().ThenJson(HttpStatusCode.NotFound, ScriptedHandler.StatusJson(404, "NotFound", "gone"));
        using var client = TestClients.Over(handler, _clock, _retries);

        await Assert.ThrowsAsync<NotFoundException>(() => client.GetAsync<ConfigMap>("x", "ns"));

        handler.Requests.Should().ContainSingle();
        _retries.Should().BeEmpty();
    }

    [Fact]
    public async Task Conflict_is_not_retried()
    {
        var handler = new ScriptedHandler().ThenJson(HttpStatusCode.Conflict, ScriptedHandler.StatusJson(409, "Conflict", "stale"));
        using var client = TestClients.Over(handler, _clock, _retries);

        await Assert.ThrowsAsync<ConflictException>(() => client.ReplaceAsync(ConfigMap.Named("x", "ns")));

        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Too_many_requests_waits_as_long_as_retry_after_says()
    {
        var handler = new ScriptedHandler()
            .ThenJson(HttpStatusCode.TooManyRequests, ScriptedHandler.StatusJson(429, "TooManyRequests", "slow"), r => r.Headers.Add("Retry-After", "7"))
            .ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = TestClients.Over(handler, _clock, _retries);

        await client.GetAsync<ConfigMap>("x", "ns");

        _retries.Should().ContainSingle().Which.Delay.Should().Be(TimeSpan.FromSeconds(7));
        _clock.RequestedDelays.Should().Equal(TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task Retry_after_beyond_the_cap_is_shortened()
    {
        var handler = new ScriptedHandler()
            .ThenJson(HttpStatusCode.TooManyRequests, "{}", r => r.Headers.Add("Retry-After", "3600"))
            .ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = TestClients.Over(handler, _clock, _retries);

        await client.GetAsync<ConfigMap>("x", "ns");

        _retries.Single().Delay.Should().Be(new KubeRetryOptions().MaxRetryAfter);
    }

    [Fact]
    public async Task Backoff_grows_and_stops_after_the_attempt_budget()
    {
        // Jitter makes any single sequence non-monotonic now and then; the growth shows in the mean over many.
        const int Sequences = 40;
        for (var sequence = 0; sequence < Sequences; sequence++)
        {
            var handler = new ScriptedHandler();
            for (var i = 0; i < 5; i++)
            {
                handler.ThenJson(HttpStatusCode.ServiceUnavailable, "{}");
            }

            using var client = TestClients.Over(handler, _clock, _retries);

            var error = await Assert.ThrowsAsync<KubeApiException>(() => client.GetAsync<ConfigMap>("x", "ns"));

            error.StatusCode.Should().Be(503);
            handler.Requests.Should().HaveCount(5);
        }

        _retries.Select(r => r.AttemptNumber).Should().Equal(Enumerable.Range(0, Sequences).SelectMany(_ => new[] { 0, 1, 2, 3 }));
        _retries.Should().OnlyContain(r => r.Delay > TimeSpan.Zero && r.Delay <= new KubeRetryOptions().MaxDelay);
        var meanFirst = _retries.Where(r => r.AttemptNumber == 0).Average(r => r.Delay.TotalMilliseconds);
        var meanLast = _retries.Where(r => r.AttemptNumber == 3).Average(r => r.Delay.TotalMilliseconds);
        meanLast.Should().BeGreaterThan(2 * meanFirst, "exponential backoff roughly doubles per attempt, jitter or not");
    }

    [Fact]
    public async Task Post_is_not_retried_after_a_server_error()
    {
        var handler = new ScriptedHandler().ThenJson(HttpStatusCode.InternalServerError, ScriptedHandler.StatusJson(500, "InternalError", "boom"));
        using var client = TestClients.Over(handler, _clock, _retries);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => client.CreateAsync(ConfigMap.Named("x", "ns")));

        error.StatusCode.Should().Be(500);
        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_is_not_retried_when_the_connection_broke_mid_request()
    {
        var handler = new ScriptedHandler().ThenThrow(new IOException("connection reset by peer"));
        using var client = TestClients.Over(handler, _clock, _retries);

        await Assert.ThrowsAsync<IOException>(() => client.CreateAsync(ConfigMap.Named("x", "ns")));

        handler.Requests.Should().ContainSingle();
    }

    [Fact]
    public async Task Post_is_retried_when_the_connection_was_refused()
    {
        var refused = new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused", new SocketException((int)SocketError.ConnectionRefused));
        var handler = new ScriptedHandler().ThenThrow(refused).ThenJson(HttpStatusCode.Created, ConfigMapJson);
        using var client = TestClients.Over(handler, _clock, _retries);

        await client.CreateAsync(ConfigMap.Named("x", "ns"));

        handler.Requests.Should().HaveCount(2);
    }

    [Fact]
    public async Task Reads_are_retried_after_a_reset_connection()
    {
        var handler = new ScriptedHandler().ThenThrow(new IOException("connection reset")).ThenJson(HttpStatusCode.OK, ConfigMapJson);
        using var client = TestClients.Over(handler, _clock, _retries);

        await client.GetAsync<ConfigMap>("x", "ns");

        _retries.Single().Exception.Should().BeOfType<IOException>();
    }

    [Fact]
    public async Task Request_that_times_out_is_retried_then_reported_as_a_timeout()
    {
        var handler = new ScriptedHandler();
        for (var i = 0; i < 5; i++)
        {
            handler.ThenThrow(new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout", new TimeoutException()));
        }

        using var client = TestClients.Over(handler, _clock, _retries);

        var error = await Assert.ThrowsAsync<TimeoutException>(() => client.GetAsync<ConfigMap>("x", "ns"));

        error.Message.Should().Contain("GET /api/v1/namespaces/ns/configmaps/x").And.Contain("30 s");
        handler.Requests.Should().HaveCount(5);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_retried()
    {
        using var cancel = new CancellationTokenSource();
        var handler = new ScriptedHandler().Then(_ =>
        {
            cancel.Cancel();
            throw new OperationCanceledException(cancel.Token);
        });
        using var client = TestClients.Over(handler, _clock, _retries);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetAsync<ConfigMap>("x", "ns", cancel.Token));

        handler.Requests.Should().ContainSingle();
    }
}
