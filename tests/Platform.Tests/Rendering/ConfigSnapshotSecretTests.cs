using System.Text;
using Paas.Platform.Rendering;

namespace Paas.Platform.Tests.Rendering;

public sealed class ConfigSnapshotTests
{
    [Fact]
    public void Snapshot_is_immutable_named_by_the_release_and_holds_every_config_var()
    {
        var release = Samples.Release("shop", 12);

        var secret = ConfigSnapshot.Render(release, Samples.ConfigVars);

        secret.Metadata.Name.Should().Be("shop-config-v12");
        secret.Metadata.Namespace.Should().Be(Samples.Namespace);
        secret.Immutable.Should().BeTrue();
        secret.Data!.Keys.Should().Equal("DATABASE_URL", "RAILS_ENV");
        Encoding.UTF8.GetString(secret.Data["RAILS_ENV"]).Should().Be("production");
        secret.Metadata.Annotations.Should().Contain(ConfigSnapshot.HashAnnotation, "sha256:9f2c");
    }

    [Fact]
    public void Snapshot_uses_the_secret_name_the_release_points_at()
    {
        var release = Samples.Release("shop", 2);
        release = release with { Spec = release.Spec with { Config = new() { SecretName = "shop-config-3fa9", Hash = "3fa9" } } };

        ConfigSnapshot.Render(release, Samples.ConfigVars).Metadata.Name.Should().Be("shop-config-3fa9");
    }
}
