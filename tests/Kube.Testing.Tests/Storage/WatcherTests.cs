using System.Text.Json.Nodes;
using Kube.Testing.Resources;
using Kube.Testing.Storage;

namespace Kube.Testing.Tests.Storage;

public sealed class WatcherTests
{
    private static readonly ResourceKey ConfigMaps = new("", "configmaps");

    // The API server closes a watch whose client cannot keep up rather than slowing writers: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public async Task Watcher_that_falls_behind_is_closed_without_blocking_writers()
    {
        var store = new ObjectStore(historyLimit: 100, watcherCapacity: 3);
        var (watcher, _) = store.Watch(ConfigMaps, WatchFilterDefaults.Everything, fromResourceVersion: 0);

        for (var i = 0; i < 10; i++)
            store.Write(tx => tx.Put(ConfigMaps, ConfigMap($"cm-{i}")));

        watcher!.Overflowed.Should().BeTrue();
        var received = new List<WatchEvent>();
        await foreach (var change in watcher.Events.ReadAllAsync())
            received.Add(change);
        received.Should().HaveCount(3, "only what fit in the buffer is delivered before the stream ends");
    }

    // Watch history replays only the events after the requested version: https://kubernetes.io/docs/reference/using-api/api-concepts/#efficient-detection-of-changes
    [Fact]
    public void Watch_from_version_replays_later_events_only()
    {
        var store = new ObjectStore(historyLimit: 100, watcherCapacity: 100);
        var first = store.Write(tx => tx.Put(ConfigMaps, ConfigMap("a")));
        store.Write(tx => tx.Put(ConfigMaps, ConfigMap("b")));

        var (watcher, _) = store.Watch(ConfigMaps, WatchFilterDefaults.Everything, first.ResourceVersion);

        watcher!.Initial.Select(e => e.Object.Name).Should().Equal("b");
    }

    private static JsonObject ConfigMap(string name) => new()
    {
        ["apiVersion"] = "v1",
        ["kind"] = "ConfigMap",
        ["metadata"] = new JsonObject { ["name"] = name, ["namespace"] = "default", ["uid"] = Guid.NewGuid().ToString() },
    };
}
