using Kube.Client;
using Kube.Config;
using Kube.Tests.Support;

namespace Kube.Tests.Integration;

/// <summary>KubeClientOptions.OmitManagedFieldsFromListsAndWatches: informer-facing reads leave managedFields out, single reads keep them.</summary>
public sealed class ManagedFieldsOmissionTests(ApiServerFixture fixture) : IClassFixture<ApiServerFixture>
{
    [Fact]
    public async Task Lists_and_watches_omit_managedFields_while_get_and_apply_keep_them()
    {
        var ns = await fixture.NewNamespaceAsync();
        var path = fixture.Server.WriteKubeconfig(Path.Combine(Path.GetTempPath(), $"kubeconfig-{Guid.NewGuid():N}"));
        using var lean = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = path }, new KubeClientOptions { JsonResolvers = [TestJsonContext.Default], OmitManagedFieldsFromListsAndWatches = true });
        File.Delete(path);
        var before = await lean.ListAsync<ConfigMap>(ns);

        var applied = await lean.ApplyAsync(ConfigMap.Named("lean", ns, new Dictionary<string, string> { ["a"] = "1" }), new ApplyOptions("kube-tests"));
        var listed = (await lean.ListAsync<ConfigMap>(ns)).Items.Should().ContainSingle().Subject;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        ConfigMap? watched = null;
        await foreach (var change in lean.WatchAsync<ConfigMap>(ns, new WatchOptions { ResourceVersion = before.Metadata.ResourceVersion }, cancel.Token))
        {
            watched = change.Object;
            break;
        }

        var fetched = await lean.GetAsync<ConfigMap>("lean", ns);
        applied.Metadata.ManagedFields.Should().Contain(m => m.Manager == "kube-tests");
        fetched.Metadata.ManagedFields.Should().Contain(m => m.Manager == "kube-tests");
        listed.Metadata.ManagedFields.Should().BeNull();
        listed.Data.Should().Contain("a", "1");
        watched.Should().NotBeNull();
        watched!.Metadata.ManagedFields.Should().BeNull();
        watched.Metadata.Name.Should().Be("lean");
    }

    [Fact]
    public async Task By_default_lists_keep_managedFields()
    {
        var ns = await fixture.NewNamespaceAsync();
        await fixture.Client.ApplyAsync(ConfigMap.Named("full", ns, new Dictionary<string, string> { ["a"] = "1" }), new ApplyOptions("kube-tests"));

        var listed = (await fixture.Client.ListAsync<ConfigMap>(ns)).Items.Should().ContainSingle().Subject;

        listed.Metadata.ManagedFields.Should().Contain(m => m.Manager == "kube-tests");
    }
}
