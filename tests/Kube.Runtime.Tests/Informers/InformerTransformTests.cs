using Kube.Runtime.Informers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Informers;

/// <summary>A transform slims objects before they are cached, for the listed ones and for every watch event.</summary>
public sealed class InformerTransformTests : InformerFixture
{
    private static readonly Dictionary<string, string> Bulky = new() { ["payload"] = new string('x', 1024) };

    private static ConfigMap WithoutData(ConfigMap configMap) => configMap with { Data = null };

    [Fact]
    public async Task Listed_and_watched_objects_are_cached_and_delivered_transformed()
    {
        Client.Put(ConfigMap.Named("listed") with { Data = Bulky });
        var watch = new FakeWatch();
        Client.EnqueueWatch(watch);
        var delivered = new List<ConfigMap>();
        var handler = new InformerHandler<ConfigMap>(added: delivered.Add, updated: (_, current) => delivered.Add(current));

        var informer = StartInformer(null, 0, handler, WithoutData);
        await informer.WaitForSyncAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => watch.OpenedWith is not null, "the watch opened");
        watch.Send("ADDED", ConfigMap.Named("watched", resourceVersion: "900") with { Data = Bulky });
        watch.Send("MODIFIED", ConfigMap.Named("listed", resourceVersion: "901") with { Data = Bulky });
        await Eventually.TrueAsync(() => informer.Store.List().Count() == 2 && informer.LastResourceVersion == "901", "both events are applied");

        informer.Store.List().Should().OnlyContain(configMap => configMap.Data == null);
        delivered.Select(configMap => configMap.Metadata.Name).Should().Equal("listed", "watched", "listed");
        delivered.Should().OnlyContain(configMap => configMap.Data == null);
    }

    [Fact]
    public async Task Transform_set_after_the_informer_started_is_refused()
    {
        var informer = StartInformer(null, 0, null);

        FluentActions.Invoking(() => informer.UseTransform(WithoutData)).Should().Throw<InvalidOperationException>().WithMessage("*set its transform before it starts*");
        await informer.WaitForSyncAsync(CancellationToken.None);
    }
}
