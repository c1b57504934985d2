using Kube.Models;
using Kube.Runtime.Cache;
using Kube.Runtime.Controllers;
using Kube.Runtime.Tests.Support;

namespace Kube.Runtime.Tests.Cache;

public sealed class ObjectKeyTests
{
    [Theory]
    [InlineData("team-a/web", "team-a", "web")]
    [InlineData("cluster-wide", null, "cluster-wide")]
    public void Keys_round_trip_through_their_text_form(string text, string? ns, string name)
    {
        var key = ObjectKey.Parse(text);

        key.Should().Be(new ObjectKey(ns, name));
        key.ToString().Should().Be(text);
    }

    [Fact]
    public void A_key_from_an_object_without_a_name_is_refused_naming_the_field()
    {
        var from = () => ObjectKey.From(new ConfigMap());

        from.Should().Throw<ArgumentException>().WithMessage("*metadata.name*");
    }

    [Fact]
    public void The_owner_of_a_cluster_scoped_kind_is_keyed_without_a_namespace()
    {
        var clusterScoped = new ResourceType("example.com", "v1", "Tenant", "tenants", Namespaced: false);
        var owned = new ConfigMap
        {
            Metadata = new ObjectMeta
            {
                Name = "settings",
                Namespace = "team-a",
                OwnerReferences = [new OwnerReference { ApiVersion = "example.com/v1", Kind = "Tenant", Name = "acme", Uid = "u", Controller = true }],
            },
        };

        OwnerKeys.ControllerOf(owned, clusterScoped).Should().Equal(new ObjectKey(null, "acme"));
        OwnerKeys.ControllerOf(owned, Widget.Resource).Should().BeEmpty();
    }
}
