using Kube.Client;
using Kube.Models;
using Kube.Runtime.Finalizers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Finalizers;

public sealed class FinalizerExtensionsTests
{
    private const string Finalizer = "paas.dev/cleanup";

    private readonly FakeKubeClient client = new();

    [Fact]
    public async Task EnsureFinalizer_sends_a_merge_patch_of_the_whole_list_guarded_by_the_resource_version()
    {
        var stored = client.Put(WithFinalizers("other.io/keep"));

        var updated = await client.EnsureFinalizerAsync(stored, Finalizer);

        client.Patches.Should().ContainSingle().Which.Patch.ToJsonString().Should().Be(
            "{\"metadata\":{\"resourceVersion\":\"" + stored.Metadata.ResourceVersion + "\",\"finalizers\":[\"other.io/keep\",\"" + Finalizer + "\"]}}");
        updated.Metadata.Finalizers.Should().Equal("other.io/keep", Finalizer);
        updated.HasFinalizer(Finalizer).Should().BeTrue();
    }

    [Fact]
    public async Task EnsureFinalizer_makes_no_call_when_the_finalizer_is_present()
    {
        var stored = client.Put(WithFinalizers(Finalizer));

        var result = await client.EnsureFinalizerAsync(stored, Finalizer);

        result.Should().BeSameAs(stored);
        client.Patches.Should().BeEmpty();
    }

    [Fact]
    public async Task RemoveFinalizer_patches_the_list_without_it_and_keeps_the_others()
    {
        var stored = client.Put(WithFinalizers("a.io/x", Finalizer, "b.io/y"));

        var updated = await client.RemoveFinalizerAsync(stored, Finalizer);

        client.Patches.Should().ContainSingle().Which.Patch["metadata"]!["finalizers"]!.ToJsonString()
            .Should().Be("""["a.io/x","b.io/y"]""");
        updated.Metadata.Finalizers.Should().Equal("a.io/x", "b.io/y");
    }

    [Fact]
    public async Task A_concurrent_change_fails_with_conflict_instead_of_dropping_the_other_writers_finalizer()
    {
        var stale = client.Put(WithFinalizers());
        client.Put(WithFinalizers("someone.else/finalizer"));

        var ensure = () => client.EnsureFinalizerAsync(stale, Finalizer);

        await ensure.Should().ThrowAsync<ConflictException>();
        client.Peek<ConfigMap>("web", "apps")!.Metadata.Finalizers.Should().Equal("someone.else/finalizer");
    }

    [Fact]
    public async Task An_object_without_a_resource_version_is_refused_with_the_field_named()
    {
        var unread = WithFinalizers();

        var ensure = () => client.EnsureFinalizerAsync(unread, Finalizer);

        await ensure.Should().ThrowAsync<ArgumentException>().WithMessage("*metadata.resourceVersion*");
    }

    private static ConfigMap WithFinalizers(params string[] finalizers) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "apps", Finalizers = finalizers },
    };
}
