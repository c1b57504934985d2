using Kube.Client;
using Kube.Config;
using Kube.Models;
using Kube.Testing;
using Kube.Tests.Support;

namespace Kube.Tests.Integration;

public sealed class WatchAndFaultIntegrationTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>, IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    private KubeClient Client => fixture.Client;

    public void Dispose() => fixture.Server.Faults.Reset();

    [Fact]
    public async Task Watch_from_a_list_sees_added_modified_and_deleted()
    {
        var ns = await fixture.NewNamespaceAsync();
        var list = await Client.ListAsync<ConfigMap>(ns);
        using var cancel = new CancellationTokenSource(Deadline);
        var seen = new List<WatchEvent<ConfigMap>>();

        var watching = Task.Run(async () =>
        {
            await foreach (var change in Client.WatchAsync<ConfigMap>(ns, new WatchOptions { ResourceVersion = list.Metadata.ResourceVersion }, cancel.Token))
            {
                if (change.Type == "BOOKMARK")
                {
                    continue;
                }

                seen.Add(change);
                if (change.Type == "DELETED")
                {
                    return;
                }
            }
        });

        var created = await Client.CreateAsync(ConfigMap.Named("watched", ns));
        await Client.ReplaceAsync(created with { Data = new Dictionary<string, string> { ["v"] = "2" } });
        await Client.DeleteAsync<ConfigMap>("watched", ns);
        await watching.WaitAsync(Deadline);

        seen.Select(e => e.Type).Should().Equal("ADDED", "MODIFIED", "DELETED");
        seen[1].Object!.Data.Should().Contain("v", "2");
        seen.Should().OnlyContain(e => e.Object!.Metadata.Name == "watched");
    }

    [Fact]
    public async Task Watch_from_compacted_history_reports_410_gone()
    {
        var ns = await fixture.NewNamespaceAsync();
        var before = await Client.ListAsync<ConfigMap>(ns);
        await Client.CreateAsync(ConfigMap.Named("after-list", ns));
        fixture.Server.CompactHistory();
        using var cancel = new CancellationTokenSource(Deadline);

        int? code = null;
        try
        {
            await foreach (var change in Client.WatchAsync<ConfigMap>(ns, new WatchOptions { ResourceVersion = before.Metadata.ResourceVersion }, cancel.Token))
            {
                if (change.Type == "ERROR")
                {
                    code = change.Error!.Code;
                    break;
                }
            }
        }
        catch (GoneException gone)
        {
            code = gone.StatusCode;
        }

        code.Should().Be(410, "a resourceVersion older than the kept history must make the caller relist");
    }

    [Fact]
    public async Task Throttled_requests_are_retried_after_the_servers_retry_after()
    {
        var ns = await fixture.NewNamespaceAsync();
        await Client.CreateAsync(ConfigMap.Named("busy", ns));
        lock (fixture.Retries)
        {
            fixture.Retries.Clear();
        }

        fixture.Server.Faults.ThrottleNext(2, retryAfterSeconds: 4);
        var fetched = await Client.GetAsync<ConfigMap>("busy", ns);

        fetched.Metadata.Name.Should().Be("busy");
        fixture.Retries.Select(r => (r.StatusCode, r.Delay)).Should().Equal((429, TimeSpan.FromSeconds(4)), (429, TimeSpan.FromSeconds(4)));
    }

    [Fact]
    public async Task Unavailable_server_is_retried_for_reads_but_a_create_fails_at_once()
    {
        var ns = await fixture.NewNamespaceAsync();

        fixture.Server.Faults.FailNext(2, statusCode: 503);
        var list = await Client.ListAsync<ConfigMap>(ns);
        fixture.Server.Faults.FailNext(1, statusCode: 500);
        var error = await Assert.ThrowsAsync<KubeApiException>(() => Client.CreateAsync(ConfigMap.Named("once", ns)));

        list.Items.Should().BeEmpty();
        error.StatusCode.Should().Be(500);
        (await Client.TryGetAsync<ConfigMap>("once", ns)).Should().BeNull();
    }

    [Fact]
    public async Task Dropped_watch_surfaces_as_an_error_not_a_silent_end()
    {
        var ns = await fixture.NewNamespaceAsync();
        using var cancel = new CancellationTokenSource(Deadline);
        var opened = new TaskCompletionSource();

        var watching = Task.Run(async () =>
        {
            await foreach (var change in Client.WatchAsync<ConfigMap>(ns, new WatchOptions(), cancel.Token))
            {
                opened.TrySetResult();
            }
        });
        await Client.CreateAsync(ConfigMap.Named("first", ns));
        await opened.Task.WaitAsync(Deadline);
        fixture.Server.Faults.DropWatches();

        var act = () => watching.WaitAsync(Deadline);

        await act.Should().ThrowAsync<Exception>().Where(e => e is IOException || e is HttpRequestException);
    }

    [Fact]
    public async Task Manifest_yaml_is_applied_through_the_dynamic_client_after_discovery()
    {
        var ns = await fixture.NewNamespaceAsync();
        var objects = ManifestYaml.Parse($"""
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: from-yaml
              namespace: {ns}
            data:
              port: "8080"
            ---
            apiVersion: example.dev/v1alpha1
            kind: Widget
            metadata:
              name: yaml-widget-{ns}
            spec:
              size: 3
            """);

        foreach (var obj in objects)
        {
            var type = await Client.Dynamic.DiscoverAsync((string)obj["apiVersion"]!, (string)obj["kind"]!);
            await Client.Dynamic.ApplyAsync(type, obj, new ApplyOptions("installer"));
        }

        (await Client.GetAsync<ConfigMap>("from-yaml", ns)).Data.Should().Contain("port", "8080");
        (await Client.GetAsync<Widget>($"yaml-widget-{ns}", null)).Spec!.Size.Should().Be(3);
        await Client.DeleteAsync<Widget>($"yaml-widget-{ns}", null);
    }

    [Fact]
    public async Task Tls_server_with_a_bearer_token_works_from_its_kubeconfig()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Tls = true, RequiredBearerToken = "t" });
        using var client = fixture.ClientFor(server);
        var path = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kube-tests-{Guid.NewGuid():N}.yaml"), "kube-public");

        try
        {
            var config = KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path });
            var namespaces = await client.Dynamic.ListAsync(WellKnownResources.Namespaces, null);

            config.Server.Scheme.Should().Be("https");
            config.Namespace.Should().Be("kube-public");
            namespaces["items"]!.AsArray().Select(n => (string?)n!["metadata"]!["name"]).Should().Contain("default");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Tls_server_refuses_a_client_without_the_token()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Tls = true, RequiredBearerToken = "t" });
        var path = server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kube-tests-{Guid.NewGuid():N}.yaml"));
        try
        {
            var config = KubeConfig.Load(new KubeConfigLoadOptions { KubeconfigPath = path }) with { BearerToken = new Kube.Auth.StaticTokenSource("wrong") };
            using var client = KubeClientFactory.Create(config, new KubeClientOptions { JsonResolvers = [TestJsonContext.Default] });

            await Assert.ThrowsAsync<UnauthorizedException>(() => client.ListAsync<ConfigMap>("default"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
