using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class AppSettingsCommandsTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public AppSettingsCommandsTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Maintenance_on_and_off_set_the_apps_maintenance_mode()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var on = await cluster.RunAsync("maintenance:on", "-a", "shop", "-n", ns);
        var whileOn = await cluster.RunAsync("maintenance", "-a", "shop", "-n", ns);
        var maintenanceWhileOn = (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Maintenance;
        var off = await cluster.RunAsync("maintenance:off", "-a", "shop", "-n", ns);

        on.Out.Should().Be("Enabling maintenance mode for shop... done\n");
        whileOn.Out.Should().Be("on\n");
        maintenanceWhileOn.Should().BeTrue();
        off.ExitCode.Should().Be(0, off.ToString());
        (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Maintenance.Should().BeFalse();
    }

    [Fact]
    public async Task Domains_add_appends_to_the_apps_domains_and_remove_takes_one_out()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Domains = ["shop.example.com"] });

        var added = await cluster.RunAsync("domains:add", "www.example.com", "-a", "shop", "-n", ns);
        var afterAdd = (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Domains;
        var removed = await cluster.RunAsync("domains:remove", "shop.example.com", "-a", "shop", "-n", ns);
        var listed = await cluster.RunAsync("domains", "-a", "shop", "-n", ns);

        added.Out.Should().Be("Adding www.example.com to shop... done\n");
        afterAdd.Should().Equal("shop.example.com", "www.example.com");
        removed.ExitCode.Should().Be(0, removed.ToString());
        (await cluster.Client.GetAsync<App>("shop", ns)).Spec.Domains.Should().Equal("www.example.com");
        listed.Lines.Should().Equal("=== shop URL", "- (not served yet)", "", "=== shop Custom Domains", "www.example.com");
    }

    [Fact]
    public async Task Domains_add_of_a_malformed_hostname_names_the_rule()
    {
        var run = await cluster.RunAsync("domains:add", "www..example.com", "-a", "shop");

        run.ExitCode.Should().Be(2, run.ToString());
        run.Error.Should().Contain("HOSTNAME: ").And.Contain("\"www..example.com\" is invalid");
    }

    [Fact]
    public async Task Domains_remove_of_a_hostname_the_app_does_not_have_lists_the_ones_it_has()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns, spec: new AppSpec { Domains = ["shop.example.com"] });

        var run = await cluster.RunAsync("domains:remove", "www.example.com", "-a", "shop", "-n", ns);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("HOSTNAME: www.example.com is not a domain of App shop; its domains are shop.example.com");
    }
}
