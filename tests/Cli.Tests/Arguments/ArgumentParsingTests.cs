using Paas.Cli.Arguments;
using Paas.Cli.Failures;

namespace Paas.Cli.Tests.Arguments;

public class ArgumentParsingTests
{
    [Theory]
    [InlineData("FOO=bar", "FOO", "bar")]
    [InlineData("URL=postgres://u:p@db/x?a=b", "URL", "postgres://u:p@db/x?a=b")]
    [InlineData("EMPTY=", "EMPTY", "")]
    public void Config_assignment_splits_at_the_first_equals(string argument, string key, string value) =>
        ConfigAssignment.Parse(argument).Should().Be(new ConfigAssignment(key, value));

    [Fact]
    public void Config_assignment_without_a_key_shows_a_whole_example()
    {
        var parse = () => ConfigAssignment.Parse("=bar");

        parse.Should().Throw<UsageException>().WithMessage("=bar: the config var name before \"=\" is missing; expected KEY=VALUE, e.g. FOO=bar");
    }

    [Theory]
    [InlineData("web=2", "web", 2, null)]
    [InlineData("worker=0", "worker", 0, null)]
    [InlineData("urgent_worker=1:performance-m", "urgent_worker", 1, "performance-m")]
    public void Scale_request_reads_type_quantity_and_optional_size(string argument, string type, int quantity, string? size) =>
        ScaleRequest.Parse(argument).Should().Be(new ScaleRequest(type, quantity, size));

    [Theory]
    [InlineData("=2")]
    [InlineData("web=-1")]
    [InlineData("web=+1")]
    [InlineData("web=")]
    public void Scale_request_refuses_what_heroku_would_not_scale(string argument)
    {
        var parse = () => ScaleRequest.Parse(argument);

        parse.Should().Throw<UsageException>().Which.Message.Should().StartWith(argument + ":");
    }

    [Theory]
    [InlineData("https://github.com/team/shop.git", "https://github.com/team/shop.git", null)]
    [InlineData("https://github.com/team/shop.git#v1.2.0", "https://github.com/team/shop.git", "v1.2.0")]
    [InlineData("git@github.com:team/shop.git#main", "git@github.com:team/shop.git", "main")]
    public void Git_reference_splits_url_and_ref_at_the_hash(string argument, string url, string? gitRef)
    {
        var git = GitReference.Parse("--git", argument);

        git.Url.Should().Be(url);
        git.Ref.Should().Be(gitRef);
        GitReference.Describe(git).Should().Be(argument);
    }

    [Fact]
    public void Git_reference_names_a_url_that_is_not_one()
    {
        var parse = () => GitReference.Parse("--git", "shop");

        parse.Should().Throw<UsageException>().Which.Message.Should().StartWith("--git: URL \"shop\" is invalid: git URLs must be");
    }

    [Theory]
    [InlineData("v3", 3)]
    [InlineData("3", 3)]
    [InlineData("V12", 12)]
    public void Release_version_reads_heroku_forms(string argument, int version) =>
        ReleaseVersion.Parse(argument).Should().Be(version);

    [Theory]
    [InlineData("v0")]
    [InlineData("v-1")]
    [InlineData("latest")]
    public void Release_version_refuses_what_is_not_a_version(string argument)
    {
        var parse = () => ReleaseVersion.Parse(argument);

        parse.Should().Throw<UsageException>();
    }
}
