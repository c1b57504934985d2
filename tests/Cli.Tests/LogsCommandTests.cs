using Kube.Models;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;

namespace Paas.Cli.Tests;

public class LogsCommandTests : IClassFixture<CliCluster>
{
    private readonly CliCluster cluster;

    public LogsCommandTests(CliCluster cluster) => this.cluster = cluster;

    [Fact]
    public async Task Logs_merges_every_dynos_lines_in_time_order_with_heroku_dyno_names()
    {
        var ns = await SetUpAsync();
        var logs = new FakePodLogs(new Dictionary<string, string>
        {
            ["shop-web-5d8f7-aaaaa"] = "2026-11-22T10:00:01.000000000Z Listening on 5000\n2026-11-22T10:00:03.000000000Z GET / 200\n",
            ["shop-worker-6c9d8-bbbbb"] = "2026-11-22T10:00:02.000000000Z Working on job 1\n",
        });

        var run = await cluster.RunAsync(["logs", "-a", "shop", "-n", ns], logs.Install);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().Equal(
            "2026-11-22T10:00:01.000000000Z app[web.aaaaa]: Listening on 5000",
            "2026-11-22T10:00:02.000000000Z app[worker.bbbbb]: Working on job 1",
            "2026-11-22T10:00:03.000000000Z app[web.aaaaa]: GET / 200");
        logs.Requests.Should().HaveCount(2).And.OnlyContain(uri => uri.Query.Contains("timestamps=true") && uri.Query.Contains("tailLines=100") && !uri.Query.Contains("follow"));
    }

    [Fact]
    public async Task Logs_of_one_process_type_read_only_its_dynos()
    {
        var ns = await SetUpAsync();
        var logs = new FakePodLogs(new Dictionary<string, string> { ["shop-web-5d8f7-aaaaa"] = "2026-11-22T10:00:01Z up\n" });

        var run = await cluster.RunAsync(["logs", "-a", "shop", "-n", ns, "--ps", "web", "--num", "5"], logs.Install);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Out.Should().Be("2026-11-22T10:00:01Z app[web.aaaaa]: up\n");
        logs.Requests.Should().ContainSingle().Which.AbsolutePath.Should().Be($"/api/v1/namespaces/{ns}/pods/shop-web-5d8f7-aaaaa/log");
        logs.Requests[0].Query.Should().Contain("tailLines=5");
    }

    [Fact]
    public async Task Logs_tail_follows_every_dyno()
    {
        var ns = await SetUpAsync();
        var logs = new FakePodLogs(new Dictionary<string, string>
        {
            ["shop-web-5d8f7-aaaaa"] = "2026-11-22T10:00:01Z up\n",
            ["shop-worker-6c9d8-bbbbb"] = "2026-11-22T10:00:02Z working\n",
        });

        var run = await cluster.RunAsync(["logs", "-a", "shop", "-n", ns, "--tail"], logs.Install);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Lines.Should().BeEquivalentTo("2026-11-22T10:00:01Z app[web.aaaaa]: up", "2026-11-22T10:00:02Z app[worker.bbbbb]: working");
        logs.Requests.Should().HaveCount(2).And.OnlyContain(uri => uri.Query.Contains("follow=true"));
    }

    [Fact]
    public async Task Logs_tail_keeps_streaming_until_interrupted_and_then_exits_cleanly()
    {
        var ns = await SetUpAsync();
        var logs = new FakePodLogs(
            new Dictionary<string, string>
            {
                ["shop-web-5d8f7-aaaaa"] = "2026-11-22T10:00:01Z up\n",
                ["shop-worker-6c9d8-bbbbb"] = "2026-11-22T10:00:02Z working\n",
            },
            keepStreamsOpen: true);
        using var interrupt = new CancellationTokenSource();
        using var output = new LineCountingWriter(2, interrupt.Cancel);

        var run = await cluster.RunAsync(["logs", "-a", "shop", "-n", ns, "--tail"], environment => logs.Install(environment) with { Out = output }, interrupt.Token);

        run.ExitCode.Should().Be(0, run.ToString());
        interrupt.IsCancellationRequested.Should().BeTrue("the streams stay open, so only the interrupt ends the command");
        output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Should().BeEquivalentTo(
            "2026-11-22T10:00:01Z app[web.aaaaa]: up", "2026-11-22T10:00:02Z app[worker.bbbbb]: working");
    }

    [Fact]
    public async Task Logs_of_an_app_without_dynos_says_how_to_start_some()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);

        var run = await cluster.RunAsync("logs", "-a", "shop", "-n", ns, "--ps", "worker");

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain($"App shop has no worker dynos in namespace {ns}").And.Contain("`paas ps:scale worker=1 -a shop`");
    }

    [Fact]
    public async Task Logs_report_the_servers_refusal_with_the_dyno()
    {
        var ns = await SetUpAsync();
        var logs = new FakePodLogs(new Dictionary<string, string> { ["shop-web-5d8f7-aaaaa"] = "2026-11-22T10:00:01Z up\n" });

        var run = await cluster.RunAsync(["logs", "-a", "shop", "-n", ns], logs.Install);

        run.ExitCode.Should().Be(1, run.ToString());
        run.Error.Should().Contain("logs of dyno worker.bbbbb (pod shop-worker-6c9d8-bbbbb): HTTP 404: pods \"shop-worker-6c9d8-bbbbb\" not found");
    }

    /// <summary>App shop with a web and a worker dyno, plus a pod of another App that must not be read.</summary>
    private async Task<string> SetUpAsync()
    {
        var ns = await cluster.NewNamespaceAsync();
        await cluster.CreateAppAsync(ns);
        await CreateDynoAsync(ns, "shop-web-5d8f7-aaaaa", "shop", "web");
        await CreateDynoAsync(ns, "shop-worker-6c9d8-bbbbb", "shop", "worker");
        await CreateDynoAsync(ns, "blog-web-1a2b3-ccccc", "blog", "web");
        return ns;
    }

    private Task<Pod> CreateDynoAsync(string ns, string name, string app, string type) =>
        cluster.Client.CreateAsync(new Pod
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Namespace = ns,
                Labels = new Dictionary<string, string> { [PaasLabels.App] = app, [PaasLabels.ProcessType] = type, [PaasLabels.Release] = "v1" },
            },
            Spec = new PodSpec { Containers = [new Container { Name = type, Image = CliCluster.Image }] },
        });
}
