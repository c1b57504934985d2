using Kube.Client;
using Kube.Models;
using Kube.Tests.Support;

namespace Kube.Tests.Client;

public sealed class ResourcePathsTests
{
    private static readonly ResourceType Deployments = new("apps", "v1", "Deployment", "deployments", Namespaced: true);

    [Fact]
    public void Core_group_uses_the_api_prefix()
    {
        ResourcePaths.Item(ConfigMap.Resource, "team-a", "settings").Should().Be("/api/v1/namespaces/team-a/configmaps/settings");
    }

    [Fact]
    public void Named_groups_use_the_apis_prefix()
    {
        ResourcePaths.Collection(Deployments, "team-a").Should().Be("/apis/apps/v1/namespaces/team-a/deployments");
    }

    [Fact]
    public void Namespaced_collection_without_namespace_lists_all_namespaces()
    {
        ResourcePaths.Collection(Deployments, null).Should().Be("/apis/apps/v1/deployments");
    }

    [Fact]
    public void Cluster_scoped_resources_ignore_the_namespace()
    {
        ResourcePaths.Item(Widget.Resource, "ignored", "w1", "status").Should().Be("/apis/example.dev/v1alpha1/widgets/w1/status");
    }

    [Fact]
    public void Names_are_escaped()
    {
        ResourcePaths.Item(ConfigMap.Resource, "a b", "x/y?z").Should().Be("/api/v1/namespaces/a%20b/configmaps/x%2Fy%3Fz");
    }

    [Fact]
    public void Namespaced_item_without_namespace_is_refused_with_the_kind()
    {
        var act = () => ResourcePaths.Item(Deployments, null, "web");

        act.Should().Throw<ArgumentException>().WithMessage("*Deployment is namespaced*\"web\"*");
    }
}
