using Paas.Platform.Releases;

namespace Platform.Tests.Releases;

public class ReleaseDescriptionsTests
{
    [Fact]
    public void Set_lists_added_and_changed_names_sorted()
    {
        var change = ConfigChange.Between(
            new Dictionary<string, string> { ["BAR"] = "old", ["KEEP"] = "x" },
            new Dictionary<string, string> { ["FOO"] = "1", ["BAR"] = "new", ["KEEP"] = "x" });

        ReleaseDescriptions.Change(change, processTypesChanged: false).Should().Be("Set BAR, FOO config vars");
    }

    [Fact]
    public void Remove_lists_removed_names()
    {
        var change = ConfigChange.Between(new Dictionary<string, string> { ["FOO"] = "1" }, new Dictionary<string, string>());

        ReleaseDescriptions.Change(change, processTypesChanged: false).Should().Be("Remove FOO config vars");
    }

    [Fact]
    public void Set_and_remove_together_name_both()
    {
        var change = ConfigChange.Between(new Dictionary<string, string> { ["OLD"] = "1" }, new Dictionary<string, string> { ["NEW"] = "2" });

        ReleaseDescriptions.Change(change, processTypesChanged: false).Should().Be("Set NEW, remove OLD config vars");
    }

    [Fact]
    public void Process_type_change_is_described()
    {
        ReleaseDescriptions.Change(new ConfigChange([], []), processTypesChanged: true).Should().Be("Update process types");
        ReleaseDescriptions.Change(new ConfigChange(["FOO"], []), processTypesChanged: true).Should().Be("Set FOO config vars and update process types");
    }

    [Fact]
    public void No_change_has_no_description()
    {
        ReleaseDescriptions.Change(new ConfigChange([], []), processTypesChanged: false).Should().BeNull();
    }

    [Fact]
    public void Deploy_shows_seven_characters_of_commit_or_digest()
    {
        ReleaseDescriptions.Deploy("1a2b3c4d5e6f").Should().Be("Deploy 1a2b3c4");
        ReleaseDescriptions.Deploy("repo@sha256:abcdef0123").Should().Be("Deploy abcdef0");
    }

    [Fact]
    public void Rollback_names_the_version()
    {
        ReleaseDescriptions.Rollback(3).Should().Be("Rollback to v3");
    }

    [Fact]
    public void Long_descriptions_fit_the_crd_limit()
    {
        var names = Enumerable.Range(0, 100).Select(i => $"VARIABLE_{i}").ToList();

        var text = ReleaseDescriptions.Change(new ConfigChange(names, []), processTypesChanged: false);

        text!.Length.Should().Be(ReleaseDescriptions.MaxLength);
        text.Should().StartWith("Set VARIABLE_0, VARIABLE_1").And.EndWith("…");
    }
}
