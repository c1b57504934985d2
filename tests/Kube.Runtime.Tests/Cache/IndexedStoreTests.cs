using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Cache;

public sealed class IndexedStoreTests
{
    private readonly IndexedStore<ConfigMap> store = new();

    [Fact]
    public void Objects_are_keyed_by_namespace_and_name()
    {
        store.Upsert(ConfigMap.Named("web", "team-a"));
        store.Upsert(ConfigMap.Named("web", "team-b"));

        store.Get(new ObjectKey("team-a", "web"))!.Metadata.Namespace.Should().Be("team-a");
        store.Get(ObjectKey.Parse("team-b/web")).Should().NotBeNull();
        store.Get(new ObjectKey("team-c", "web")).Should().BeNull();
        store.Count.Should().Be(2);
    }

    [Fact]
    public void Index_by_namespace_follows_updates_and_deletes()
    {
        store.AddIndexer(Indexers.Namespace, Indexers.ByNamespace);
        store.Upsert(ConfigMap.Named("a", "one"));
        store.Upsert(ConfigMap.Named("b", "one"));
        store.Upsert(ConfigMap.Named("c", "two"));

        store.Delete(new ObjectKey("one", "a"));

        store.ByIndex(Indexers.Namespace, "one").Select(cm => cm.Metadata.Name).Should().Equal("b");
        store.ByIndex(Indexers.Namespace, "two").Select(cm => cm.Metadata.Name).Should().Equal("c");
    }

    [Fact]
    public void Index_by_owner_uid_finds_owned_objects_and_forgets_a_removed_owner_reference()
    {
        store.AddIndexer(Indexers.OwnerUid, Indexers.ByOwnerUid);
        var owned = ConfigMap.Named("owned") with
        {
            Metadata = new ObjectMeta
            {
                Name = "owned",
                Namespace = "default",
                OwnerReferences = [new OwnerReference { ApiVersion = "example.com/v1", Kind = "Widget", Name = "w", Uid = "uid-1" }],
            },
        };
        store.Upsert(owned);
        store.ByIndex(Indexers.OwnerUid, "uid-1").Should().ContainSingle();

        store.Upsert(ConfigMap.Named("owned"));

        store.ByIndex(Indexers.OwnerUid, "uid-1").Should().BeEmpty();
    }

    [Fact]
    public void Indexer_added_later_indexes_existing_objects_by_label()
    {
        store.Upsert(ConfigMap.Named("a") with { Metadata = new ObjectMeta { Name = "a", Namespace = "default", Labels = new Dictionary<string, string> { ["app"] = "web" } } });
        store.Upsert(ConfigMap.Named("b"));

        store.AddIndexer(Indexers.LabelIndexName("app"), Indexers.ByLabel<ConfigMap>("app"));

        store.ByIndex(Indexers.LabelIndexName("app"), "web").Select(cm => cm.Metadata.Name).Should().Equal("a");
    }

    [Fact]
    public void Reading_an_unknown_index_names_the_known_ones()
    {
        store.AddIndexer(Indexers.Namespace, Indexers.ByNamespace);

        var read = () => store.ByIndex("by-colour", "red");

        read.Should().Throw<ArgumentException>().WithMessage("*by-colour*namespace*");
    }

    [Fact]
    public void Replace_returns_the_previous_content_and_reindexes()
    {
        store.AddIndexer(Indexers.Namespace, Indexers.ByNamespace);
        store.Upsert(ConfigMap.Named("old", "one"));

        var previous = store.Replace([ConfigMap.Named("new", "two")]);

        previous.Keys.Should().Equal(new ObjectKey("one", "old"));
        store.ByIndex(Indexers.Namespace, "one").Should().BeEmpty();
        store.ByIndex(Indexers.Namespace, "two").Should().ContainSingle();
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_do_not_corrupt_the_store()
    {
        store.AddIndexer(Indexers.Namespace, Indexers.ByNamespace);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                store.Upsert(ConfigMap.Named($"cm-{w}-{i}", $"ns-{w}"));
                _ = store.ByIndex(Indexers.Namespace, $"ns-{(w + 1) % 4}");
                if (i % 2 == 0)
                {
                    store.Delete(new ObjectKey($"ns-{w}", $"cm-{w}-{i}"));
                }
            }
        }));

        await Task.WhenAll(writers);

        store.Count.Should().Be(1000);
        store.ByIndex(Indexers.Namespace, "ns-0").Should().HaveCount(250);
    }
}
