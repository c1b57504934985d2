using System.Net;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class CrudTests : IAsyncLifetime
{
    private KubeApiServer _server = null!;
    private RawApi _api = null!;

    public async Task InitializeAsync()
    {
        _server = await KubeApiServer.StartAsync();
        _api = new RawApi(_server);
    }

    public async Task DisposeAsync()
    {
        _api.Dispose();
        await _server.DisposeAsync();
    }

    // Create sets uid, creationTimestamp, resourceVersion and generation: https://kubernetes.io/docs/reference/using-api/api-concepts/#resource-versions
    [Fact]
    public async Task Create_sets_server_metadata()
    {
        var ns = await _api.CreateNamespaceAsync();
        var reply = await _api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("one"));

        reply.Status.Should().Be(HttpStatusCode.Created, reply.Text);
        var metadata = reply.Json["metadata"]!;
        metadata["uid"]!.GetValue<string>().Should().MatchRegex("^[0-9a-f-]{36}$");
        metadata["creationTimestamp"]!.GetValue<string>().Should().EndWith("Z");
        metadata["generation"]!.GetValue<long>().Should().Be(1);
        long.Parse(metadata["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
        metadata["namespace"]!.GetValue<string>().Should().Be(ns);

        var get = await _api.GetAsync($"/api/v1/namespaces/{ns}/configmaps/one");
        get.Status.Should().Be(HttpStatusCode.OK);
        get.Json["data"]!["k"]!.GetValue<string>().Should().Be("v");
    }
}
