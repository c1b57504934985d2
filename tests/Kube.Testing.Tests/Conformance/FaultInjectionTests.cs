using System.Net;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class FaultInjectionTests : ServerTest
{
    // An overloaded API server answers 429 with Retry-After: https://kubernetes.io/docs/concepts/cluster-administration/flow-control/
    [Fact]
    public async Task Throttled_requests_get_429_with_retry_after()
    {
        Server.Faults.ThrottleNext(2, retryAfterSeconds: 3);

        var first = await Api.GetAsync("/api/v1/namespaces");
        var second = await Api.GetAsync("/api/v1/namespaces");
        var third = await Api.GetAsync("/api/v1/namespaces");

        first.Status.Should().Be(HttpStatusCode.TooManyRequests);
        first.Headers.GetValues("Retry-After").Should().Equal("3");
        first.Json["reason"]!.GetValue<string>().Should().Be("TooManyRequests");
        first.Json["details"]!["retryAfterSeconds"]!.GetValue<int>().Should().Be(3);
        second.Status.Should().Be(HttpStatusCode.TooManyRequests);
        third.Status.Should().Be(HttpStatusCode.OK);
    }

    // Server errors come back as Status bodies too: https://kubernetes.io/docs/reference/kubernetes-api/common-definitions/status/
    [Theory]
    [InlineData(500, "InternalError")]
    [InlineData(503, "ServiceUnavailable")]
    public async Task Injected_server_errors_have_status_bodies(int code, string reason)
    {
        Server.Faults.FailNext(1, code);

        var failed = await Api.GetAsync("/api/v1/namespaces/default");
        var next = await Api.GetAsync("/api/v1/namespaces/default");

        ((int)failed.Status).Should().Be(code);
        failed.Json["reason"]!.GetValue<string>().Should().Be(reason);
        next.Status.Should().Be(HttpStatusCode.OK);
    }

    // Faults can be limited to some requests, e.g. writes: https://kubernetes.io/docs/concepts/cluster-administration/flow-control/
    [Fact]
    public async Task Filter_limits_faults_to_matching_requests()
    {
        Server.Faults.Filter = new FaultFilter(Verb: "create");
        Server.Faults.FailNext(1, 503);

        var read = await Api.GetAsync("/api/v1/namespaces/default/configmaps");
        var write = await Api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("f"));

        read.Status.Should().Be(HttpStatusCode.OK);
        write.Status.Should().Be(HttpStatusCode.ServiceUnavailable);
    }

    // Watches can be cut by the server or network at any time, and clients must re-watch: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public async Task Dropped_watches_end_abruptly()
    {
        await using var watch = await WatchStream.OpenAsync(Api.Http, "/api/v1/namespaces/default/configmaps?watch=true&resourceVersion=1");

        Server.Faults.DropWatches();

        var act = async () =>
        {
            while (await watch.NextAsync() is not null)
            {
            }
        };
        await act.Should().ThrowAsync<Exception>("an aborted chunked response is not a clean end of stream");
    }

    // Added latency still answers correctly: https://kubernetes.io/docs/concepts/cluster-administration/flow-control/
    [Fact]
    public async Task Latency_delays_but_still_answers()
    {
        Server.Faults.Latency = TimeSpan.FromMilliseconds(50);

        var reply = await Api.GetAsync("/api/v1/namespaces/default");

        reply.Status.Should().Be(HttpStatusCode.OK);
        Server.Faults.Reset();
        Server.Faults.Latency.Should().Be(TimeSpan.Zero);
    }
}
