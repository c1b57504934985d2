using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class UsageTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public UsageTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Config_set_without_equals_names_the_argument_and_the_fix_and_changes_nothing()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("config:set", "FOO", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("FOO: expected KEY=VALUE, e.g. FOO=bar");
        (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Config.Should().BeNull();
    }

    [Fact]
    public async Task Config_set_with_a_key_Heroku_refuses_states_the_rule_and_a_valid_name()
    {
        var run = await cluster.RunAsync("config:set", "MY-VAR=1", "-a", "shop");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("MY-VAR: config var keys may contain only letters, digits and underscores").And.Contain("\"MY_VAR\"");
    }

    [Fact]
    public async Task Usage_errors_are_reported_even_when_no_kubeconfig_exists()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = new CliEnvironment { Out = output, Error = error, GetEnvironmentVariable = _ => null };

        var code = await PaasCli.RunAsync(["ps:scale", "web=two", "-a", "shop", "--kubeconfig", "/nonexistent/kubeconfig"], environment);

        code.Should().Be(2);
        error.ToString().Should().Contain("web=two: quantity \"two\" is invalid: it must be a whole number, 0 or more; e.g. web=2");
    }

    [Theory]
    [InlineData("web", "expected TYPE=QUANTITY[:SIZE]")]
    [InlineData("web=2:", "the dyno size after \":\" is missing")]
    [InlineData("web.1=2", "process type \"web.1\" is invalid")]
    [InlineData("web=99999999999", "a whole number, 0 or more")]
    public async Task Ps_scale_rejects_malformed_requests_with_exit_code_2(string argument, string expected)
    {
        var run = await cluster.RunAsync("ps:scale", argument, "-a", "shop");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain(argument).And.Contain(expected);
    }

    [Fact]
    public async Task A_command_that_needs_an_app_says_how_to_name_one()
    {
        var run = await cluster.RunAsync("releases");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("--app: no App given; name it with -a APP");
    }

    [Fact]
    public async Task Paas_alone_lists_the_commands()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = await PaasCli.RunAsync([], new CliEnvironment { Out = output, Error = error });

        code.Should().Be(0, error.ToString());
        output.ToString().Should().Contain("config:set").And.Contain("ps:scale").And.Contain("rollback").And.Contain("logs");
    }

    [Fact]
    public async Task An_unknown_command_exits_2_and_points_at_help()
    {
        var run = await cluster.RunAsync("apps:frobnicate");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("apps:frobnicate").And.Contain("paas --help");
    }

    [Fact]
    public async Task Apps_create_with_an_invalid_name_suggests_a_valid_one()
    {
        var ns = await cluster.NewNamespaceAsync();

        var run = await cluster.RunAsync("apps:create", "My_Shop", "-n", ns);

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("NAME: App name \"My_Shop\" is invalid").And.Contain("\"my-shop\"");
        (await cluster.Client.ListAsync<App>(ns)).Items.Should().BeEmpty();
    }

    [Fact]
    public async Task Rollback_to_a_malformed_version_exits_2()
    {
        var run = await cluster.RunAsync("rollback", "three", "-a", "shop");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("\"three\" is not a release version; give it as v3 or 3");
    }

    [Fact]
    public async Task Builds_create_needs_exactly_one_source()
    {
        var none = await cluster.RunAsync("builds:create", "-a", "shop");
        var both = await cluster.RunAsync("builds:create", "-a", "shop", "--git", "https://github.com/team/shop.git", "--image", "nginx:1");

        none.ExitCode.Should().Be(2, none.ToString());
        both.ExitCode.Should().Be(2, both.ToString());
        both.Error.Should().Contain("give exactly one source");
    }

    [Fact]
    public async Task Builds_create_with_a_malformed_git_ref_names_the_ref_and_the_rule()
    {
        var run = await cluster.RunAsync("builds:create", "-a", "shop", "--git", "https://github.com/team/shop.git#bad..ref");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("--git: ref \"bad..ref\" is invalid");
    }
}
