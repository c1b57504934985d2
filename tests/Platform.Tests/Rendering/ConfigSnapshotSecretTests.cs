using System.Text;
using Kube.Models;
using Paas.Platform.Api;
using Paas.Platform.Releases;
using Paas.Platform.Rendering;
using Platform.Tests.Releases;

namespace Paas.Platform.Tests.Rendering;

public sealed class ConfigSnapshotSecretTests
{
    [Fact]
    public void Snapshot_is_immutable_named_by_its_content_and_holds_every_config_var()
    {
        var secret = ConfigSnapshotSecret.Render("shop", Samples.Namespace, Samples.Snapshot);

        secret.Metadata.Name.Should().Be("shop-config-543d7295f3");
        secret.Metadata.Namespace.Should().Be(Samples.Namespace);
        secret.Immutable.Should().BeTrue();
        secret.Type.Should().Be("Opaque");
        secret.Data!.Keys.Should().Equal("DATABASE_URL", "RAILS_ENV");
        Encoding.UTF8.GetString(secret.Data["RAILS_ENV"]).Should().Be("production");
        secret.Metadata.Annotations.Should().Equal(new Dictionary<string, string> { [PaasAnnotations.ConfigHash] = "543d7295f3dd56dd" });
    }

    [Fact]
    public void Snapshot_carries_app_labels_but_no_release_label_so_releases_can_share_it()
    {
        var labels = ConfigSnapshotSecret.Render("shop", Samples.Namespace, Samples.Snapshot).Metadata.Labels;

        labels.Should().Equal(new Dictionary<string, string>
        {
            [PaasLabels.App] = "shop",
            [WorkloadLabels.Component] = "config",
            [WorkloadLabels.Name] = "shop",
            [WorkloadLabels.ManagedBy] = "paas-operator",
        });
        labels.Should().NotContainKey(PaasLabels.Release);
    }

    [Fact]
    public void Snapshot_uses_the_secret_name_and_hash_the_release_points_at()
    {
        var first = ReleaseFixtures.Release(1, ConfigSnapshot.Empty);
        var plan = ReleasePlanner.ForAppChange(ReleaseFixtures.App(), [first], Samples.Snapshot, new Dictionary<string, string>()).Plan!;

        var secret = ConfigSnapshotSecret.Render("shop", Samples.Namespace, plan.NewSnapshot!);

        secret.Metadata.Name.Should().Be(plan.Release.Spec.Config!.SecretName);
        secret.Metadata.Annotations![PaasAnnotations.ConfigHash].Should().Be(plan.Release.Spec.Config.Hash);
    }

    [Fact]
    public void Equal_config_in_any_order_renders_one_identical_secret()
    {
        var reordered = ConfigSnapshot.Of(Samples.ConfigVars.Reverse().ToDictionary());
        var other = ConfigSnapshot.Of(new Dictionary<string, string> { ["RAILS_ENV"] = "staging" });

        var first = ConfigSnapshotSecret.Render("shop", Samples.Namespace, Samples.Snapshot);
        var second = ConfigSnapshotSecret.Render("shop", Samples.Namespace, reordered);

        second.Metadata.Name.Should().Be(first.Metadata.Name);
        second.Data.Should().BeEquivalentTo(first.Data);
        ConfigSnapshotSecret.Render("shop", Samples.Namespace, other).Metadata.Name.Should().NotBe(first.Metadata.Name);
    }

    [Fact]
    public void Owner_when_given_is_the_only_owner_reference()
    {
        var owner = new OwnerReference { ApiVersion = PaasGroup.ApiVersion, Kind = "App", Name = "shop", Uid = "u-1", Controller = true };

        ConfigSnapshotSecret.Render("shop", Samples.Namespace, Samples.Snapshot, owner).Metadata.OwnerReferences.Should().Equal(owner);
        ConfigSnapshotSecret.Render("shop", Samples.Namespace, Samples.Snapshot).Metadata.OwnerReferences.Should().BeNull();
    }
}
