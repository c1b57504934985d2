using Paas.Platform.Builds;

namespace Paas.Platform.Tests.Builds;

public sealed class BuildJobTests
{
    [Fact]
    public void Job_is_named_after_a_build_whose_name_is_a_label()
    {
        BuildJob.Name("shop-7f3a").Should().Be("shop-7f3a");
    }

    [Fact]
    public void Long_or_dotted_build_names_become_distinct_labels()
    {
        var longName = new string('a', 80);
        var dotted = BuildJob.Name("shop.v2");
        var other = BuildJob.Name(longName + "b");

        dotted.Should().MatchRegex("^shop-v2-[0-9a-f]{8}$");
        BuildJob.Name(longName).Should().HaveLength(63).And.NotBe(other);
        other.Should().HaveLength(63);
    }

    [Fact]
    public void Plan_json_gives_buildpacks_in_order_and_process_types()
    {
        var plan = BuildPlan.Parse("""{"buildpacks":["heroku/nodejs","heroku/procfile"],"processTypes":{"web":"npm start","worker":"node w.js"}}""");

        plan!.Buildpacks.Should().Equal("heroku/nodejs", "heroku/procfile");
        plan.ProcessTypes.Should().Equal(new Dictionary<string, string> { ["web"] = "npm start", ["worker"] = "node w.js" });
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("no buildpack detected this app")]
    [InlineData("[1,2]")]
    public void Text_that_is_not_a_plan_gives_no_plan(string? text) => BuildPlan.Parse(text).Should().BeNull();

    [Fact]
    public void Failure_quotes_the_last_lines_and_says_where_the_log_is()
    {
        var log = string.Join('\n', Enumerable.Range(1, 30).Select(i => $"line {i}")) + "\n\n";

        var failure = BuildFailure.Of(BuildFailureReasons.CompileFailed, BuildSteps.Build, log, "team", "shop-7f3a-x2k9p");

        failure.Reason.Should().Be(BuildFailureReasons.CompileFailed);
        failure.Message.Should().StartWith("compiling the slug failed in step build:\nline 21\n");
        failure.Message.Should().Contain("line 30").And.NotContain("line 20\n");
        failure.Message.Should().EndWith("Full log: kubectl logs -n team shop-7f3a-x2k9p -c build");
    }

    [Fact]
    public void Failure_without_a_pod_says_the_log_is_gone()
    {
        var failure = BuildFailure.Of(BuildFailureReasons.TimedOut, BuildSteps.Build, null, "team", null);

        failure.Message.Should().Be("the build timed out in step build and it left no message. The build pod no longer exists, so its log is gone; start a new Build to see it again.");
    }

    [Fact]
    public void Very_long_quotes_keep_their_end()
    {
        var quote = BuildFailure.LastLines(new string('x', 5000) + "\nthe real error");

        quote.Should().HaveLength(BuildFailure.MaxQuoteLength).And.EndWith("\nthe real error").And.StartWith("…");
    }
}
