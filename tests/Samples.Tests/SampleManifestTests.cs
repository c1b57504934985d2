using System.Text.RegularExpressions;
using Kube.Client;
using Paas.Samples.Tests.Support;

namespace Paas.Samples.Tests;

/// <summary>What every file in samples/ promises before it reaches a cluster: a summary line and well-formed objects.</summary>
public sealed partial class SampleManifestTests
{
    [Fact]
    public void The_samples_cover_every_example_issue_6_asks_for()
    {
        SampleFiles.Names.Should().Contain(
        [
            "node-from-git.yaml", "python-app.yaml", "web-worker-clock.yaml", "release-phase.yaml", "prebuilt-image.yaml",
            "config-from-secret.yaml", "custom-domains-tls.yaml", "autoscaling.yaml", "maintenance-mode.yaml",
        ]);
    }

    [Theory]
    [MemberData(nameof(SampleFiles.All), MemberType = typeof(SampleFiles))]
    public void Every_sample_starts_with_a_one_line_comment_of_what_it_shows(string sample)
    {
        var firstLine = SampleFiles.Read(sample).Split('\n')[0];

        SummaryLine.IsSummary(firstLine).Should().BeTrue(
            $"samples/{sample} must start with a one-line comment saying what it shows, like \"# A Python app that ...\"; its first line is \"{firstLine}\"");
    }

    [Theory]
    [MemberData(nameof(SampleFiles.All), MemberType = typeof(SampleFiles))]
    public void Every_sample_parses_into_named_objects_that_leave_the_namespace_to_the_user(string sample)
    {
        var objects = ManifestYaml.Parse(SampleFiles.Read(sample), sample);

        objects.Should().NotBeEmpty();
        foreach (var obj in objects)
        {
            ((string?)obj["apiVersion"]).Should().NotBeNullOrEmpty();
            ((string?)obj["kind"]).Should().NotBeNullOrEmpty();
            ((string?)obj["metadata"]?["name"]).Should().MatchRegex("^[a-z0-9][a-z0-9-]*$");
            obj["metadata"]!["namespace"].Should().BeNull("samples are applied with -n, so each team applies them into its own namespace");
        }
    }

    [Theory]
    [InlineData("# A Python app that deploys itself from git.", true)]
    [InlineData("apiVersion: paas.dev/v1alpha1", false)]
    [InlineData("#", false)]
    [InlineData("#no space after the hash", false)]
    [InlineData("# short", false)]
    [InlineData("", false)]
    public void The_summary_check_rejects_files_without_a_leading_comment(string firstLine, bool accepted)
    {
        SummaryLine.IsSummary(firstLine).Should().Be(accepted);
    }

    /// <summary>The rule for a sample's first line: "# " and a phrase of some substance.</summary>
    private static partial class SummaryLine
    {
        public static bool IsSummary(string line) => Pattern().IsMatch(line.TrimEnd('\r'));

        [GeneratedRegex(@"^# \S.{18,}$")]
        private static partial Regex Pattern();
    }
}
