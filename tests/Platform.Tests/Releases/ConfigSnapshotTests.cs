using Paas.Platform.Releases;

namespace Platform.Tests.Releases;

public class ConfigSnapshotTests
{
    [Fact]
    public void Hash_does_not_depend_on_insertion_order()
    {
        var one = ConfigSnapshot.Of(new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" });
        var two = ConfigSnapshot.Of(new Dictionary<string, string> { ["B"] = "2", ["A"] = "1" });

        one.Hash.Should().Be(two.Hash);
    }

    [Fact]
    public void Hash_changes_when_a_value_changes()
    {
        ReleaseFixtures.Config(("A", "1")).Hash.Should().NotBe(ReleaseFixtures.Config(("A", "2")).Hash);
    }

    [Fact]
    public void Hash_tells_apart_names_and_values_that_concatenate_alike()
    {
        ReleaseFixtures.Config(("A", "B=C")).Hash.Should().NotBe(ReleaseFixtures.Config(("A=B", "C")).Hash);
        ReleaseFixtures.Config(("AB", "C")).Hash.Should().NotBe(ReleaseFixtures.Config(("A", "BC")).Hash);
    }

    [Fact]
    public void Hash_is_short_lowercase_hex_of_sha256()
    {
        // SHA-256 of the empty string starts e3b0c44298fc1c14.
        ConfigSnapshot.Empty.Hash.Should().Be("e3b0c44298fc1c14");
        ReleaseFixtures.Config(("FOO", "bar")).Hash.Should().MatchRegex("^[0-9a-f]{16}$");
    }

    [Fact]
    public void Snapshot_secret_is_named_after_app_and_hash()
    {
        var config = ReleaseFixtures.Config(("FOO", "bar"));

        config.SecretNameFor("shop").Should().Be("shop-config-" + config.Hash[..10]);
    }

    [Fact]
    public void Values_are_sorted_by_name()
    {
        ReleaseFixtures.Config(("b", "1"), ("A", "2"), ("a", "3")).Values.Keys.Should().Equal("A", "a", "b");
    }
}
