using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.WritePath;

/// <summary>The request observer reports each resource request with its verb, resource, outcome and (on request) body.</summary>
public sealed class RequestObserverTests
{
    [Fact]
    public async Task Observer_sees_verb_resource_status_and_body_of_each_resource_request()
    {
        var seen = new ConcurrentQueue<ObservedRequest>();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { RequestObserver = seen.Enqueue, ObserveRequestBodies = true });
        using var api = new RawApi(server);

        var created = await api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("seen"));
        var conflict = await api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("seen"));
        await api.GetAsync("/apis/apps/v1/namespaces/default/deployments");
        await api.GetAsync("/api/v1");

        created.Status.Should().Be(HttpStatusCode.Created);
        conflict.Status.Should().Be(HttpStatusCode.Conflict);
        var requests = seen.ToArray();
        requests.Select(r => (r.Verb, r.Resource, r.StatusCode)).Should().Equal(
            ("create", "configmaps", 201), ("create", "configmaps", 409), ("list", "deployments", 200));
        requests[0].IsWrite.Should().BeTrue();
        requests[0].Elapsed.Should().BePositive();
        requests[0].Namespace.Should().Be("default");
        requests[0].Group.Should().BeEmpty();
        requests[2].Group.Should().Be("apps");
        requests[2].IsWrite.Should().BeFalse();
        Encoding.UTF8.GetString(requests[0].Body.Span).Should().Contain("\"seen\"", "the body reaches the observer and still reaches the handler");
        requests[2].Body.IsEmpty.Should().BeTrue();
    }

    [Fact]
    public async Task Observer_without_bodies_gets_none_and_writes_still_succeed()
    {
        var seen = new ConcurrentQueue<ObservedRequest>();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { RequestObserver = seen.Enqueue });
        using var api = new RawApi(server);

        var created = await api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("plain"));

        created.Status.Should().Be(HttpStatusCode.Created);
        seen.Should().ContainSingle().Which.Body.IsEmpty.Should().BeTrue();
    }
}
