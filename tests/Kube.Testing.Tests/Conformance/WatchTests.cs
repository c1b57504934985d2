using System.Net;
using System.Text.Json.Nodes;
using Kube.Testing.Tests.Support;

namespace Kube.Testing.Tests.Conformance;

public sealed class WatchTests : ServerTest
{
    protected override KubeApiServerOptions Options => new() { BookmarkInterval = TimeSpan.FromMilliseconds(100) };

    // A watch from a list's resourceVersion sees every later change in order: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public async Task Watch_from_resource_version_streams_changes_in_order()
    {
        var ns = await Api.CreateNamespaceAsync();
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("before"));
        var rv = (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps")).Json["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={rv}");

        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("w"));
        await Api.PatchAsync($"/api/v1/namespaces/{ns}/configmaps/w", JsonNode.Parse("""{"data":{"k":"2"}}""")!, "application/merge-patch+json");
        await Api.DeleteAsync($"/api/v1/namespaces/{ns}/configmaps/w");

        watch.Response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        var events = new[] { await watch.NextAsync(), await watch.NextAsync(), await watch.NextAsync() };
        events.Select(e => e!.Type()).Should().Equal("ADDED", "MODIFIED", "DELETED");
        events.Should().OnlyContain(e => e!.Name() == "w");
        events[1]!["object"]!["data"]!["k"]!.GetValue<string>().Should().Be("2");
    }

    // Every change is delivered once, in resourceVersion order, even under concurrent writers: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public async Task Concurrent_writes_reach_a_watch_once_and_in_order()
    {
        var ns = await Api.CreateNamespaceAsync();
        var rv = (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps")).Json["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={rv}");

        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap($"c{i}"))));

        var versions = new List<long>();
        var names = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var change = await watch.NextAsync();
            change.Type().Should().Be("ADDED");
            names.Add(change.Name());
            versions.Add(long.Parse(change!["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        }
        names.Should().HaveCount(200);
        versions.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    // Events that happened after the given resourceVersion are replayed to a late watcher: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public async Task Watch_replays_history_after_resource_version()
    {
        var ns = await Api.CreateNamespaceAsync();
        var rv = (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps")).Json["metadata"]!["resourceVersion"]!.GetValue<string>();
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("missed"));

        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=1&resourceVersion={rv}");

        var first = await watch.NextAsync();
        first!.Type().Should().Be("ADDED");
        first.Name().Should().Be("missed");
    }

    // A watch without resourceVersion (or "0") starts with ADDED for every current object: https://kubernetes.io/docs/reference/using-api/api-concepts/#semantics-for-watch
    [Theory]
    [InlineData("")]
    [InlineData("&resourceVersion=0")]
    public async Task Watch_without_resource_version_starts_with_current_state(string query)
    {
        var ns = await Api.CreateNamespaceAsync();
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("a"));
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("b"));

        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true{query}");

        var first = await watch.NextAsync();
        var second = await watch.NextAsync();
        new[] { first!.Type(), second!.Type() }.Should().Equal("ADDED", "ADDED");
        new[] { first.Name(), second.Name() }.Should().BeEquivalentTo("a", "b");
    }

    // Bookmarks carry only metadata.resourceVersion and report progress: https://kubernetes.io/docs/reference/using-api/api-concepts/#watch-bookmarks
    [Fact]
    public async Task Bookmarks_report_the_latest_resource_version()
    {
        var ns = await Api.CreateNamespaceAsync();
        var rv = (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps")).Json["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&allowWatchBookmarks=true&resourceVersion={rv}");
        var other = await Api.PostAsync("/api/v1/namespaces/default/secrets", new JsonObject { ["metadata"] = new JsonObject { ["name"] = "elsewhere-" + ns } });
        var otherRv = long.Parse(Objects.Rv(other.Json), System.Globalization.CultureInfo.InvariantCulture);

        JsonObject? bookmark;
        do
        {
            bookmark = await watch.NextAsync();
            bookmark!.Type().Should().Be("BOOKMARK");
        }
        while (long.Parse(bookmark!["object"]!["metadata"]!["resourceVersion"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) < otherRv);

        bookmark!["object"]!["kind"]!.GetValue<string>().Should().Be("ConfigMap");
        bookmark["object"]!["metadata"]!.AsObject().Select(p => p.Key).Should().Equal("resourceVersion");
    }

    // timeoutSeconds makes the server end the watch cleanly: https://kubernetes.io/docs/reference/kubernetes-api/config-and-storage-resources/config-map-v1/#watch-list-or-watch-objects-of-kind-configmap
    [Fact]
    public async Task Timeout_seconds_ends_the_stream_cleanly()
    {
        await using var watch = await WatchStream.OpenAsync(Api.Http, "/api/v1/namespaces/kube-public/configmaps?watch=true&timeoutSeconds=1");

        var end = await watch.NextAsync();

        end.Should().BeNull();
    }

    // A resourceVersion older than the kept history gets an ERROR event with 410 Gone (Expired): https://kubernetes.io/docs/reference/using-api/api-concepts/#410-gone-responses
    [Fact]
    public async Task Compacted_resource_version_gets_410_Gone_event()
    {
        var ns = await Api.CreateNamespaceAsync();
        var old = Objects.Rv((await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("a"))).Json);
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("b"));
        Server.CompactHistory();

        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&resourceVersion={old}");

        var error = await watch.NextAsync();
        error!.Type().Should().Be("ERROR");
        error!["object"]!["code"]!.GetValue<int>().Should().Be(410);
        error["object"]!["reason"]!.GetValue<string>().Should().Be("Expired");
        error["object"]!["message"]!.GetValue<string>().Should().MatchRegex($@"^too old resource version: {old} \(\d+\)$");
        (await watch.NextAsync()).Should().BeNull();
    }

    // History beyond the limit is forgotten too: https://kubernetes.io/docs/reference/using-api/api-concepts/#410-gone-responses
    [Fact]
    public async Task History_limit_expires_old_resource_versions()
    {
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { WatchHistoryLimit = 3 });
        using var api = new RawApi(server);
        var old = Objects.Rv((await api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap("first"))).Json);
        for (var i = 0; i < 5; i++)
            await api.PostAsync("/api/v1/namespaces/default/configmaps", Objects.ConfigMap($"n{i}"));

        await using var watch = await WatchStream.OpenAsync(api.Http, $"/api/v1/namespaces/default/configmaps?watch=true&resourceVersion={old}");

        (await watch.NextAsync())!.Type().Should().Be("ERROR");
    }

    // With a selector, an object that stops matching is DELETED for the watcher and one that starts matching is ADDED: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public async Task Selector_watch_sees_objects_enter_and_leave()
    {
        var ns = await Api.CreateNamespaceAsync();
        var rv = (await Api.GetAsync($"/api/v1/namespaces/{ns}/configmaps")).Json["metadata"]!["resourceVersion"]!.GetValue<string>();
        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&labelSelector=tier%3Dweb&resourceVersion={rv}");
        const string path = "/api/v1/namespaces/{0}/configmaps/moving";

        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("moving", new() { ["tier"] = "worker" }));
        await Api.PatchAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, ns), JsonNode.Parse("""{"metadata":{"labels":{"tier":"web"}}}""")!, "application/merge-patch+json");
        await Api.PatchAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, ns), JsonNode.Parse("""{"data":{"x":"y"}}""")!, "application/merge-patch+json");
        await Api.PatchAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, ns), JsonNode.Parse("""{"metadata":{"labels":{"tier":"batch"}}}""")!, "application/merge-patch+json");

        (await watch.NextAsync())!.Type().Should().Be("ADDED");
        (await watch.NextAsync())!.Type().Should().Be("MODIFIED");
        (await watch.NextAsync())!.Type().Should().Be("DELETED");
    }

    // Watching one object by name uses a metadata.name field selector: https://kubernetes.io/docs/concepts/overview/working-with-objects/field-selectors/
    [Fact]
    public async Task Field_selector_watch_sees_only_that_object()
    {
        var ns = await Api.CreateNamespaceAsync();
        await using var watch = await WatchStream.OpenAsync(Api.Http, $"/api/v1/namespaces/{ns}/configmaps?watch=true&fieldSelector=metadata.name%3Dwanted");

        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("other"));
        await Api.PostAsync($"/api/v1/namespaces/{ns}/configmaps", Objects.ConfigMap("wanted"));

        (await watch.NextAsync())!.Name().Should().Be("wanted");
    }

    // A malformed selector on a watch is rejected before streaming: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors
    [Fact]
    public async Task Malformed_selector_on_watch_is_BadRequest()
    {
        var reply = await Api.GetAsync("/api/v1/configmaps?watch=true&labelSelector=a%20in%20(");

        reply.Status.Should().Be(HttpStatusCode.BadRequest);
    }
}
