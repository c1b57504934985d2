using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kube.Client;
using Kube.Models;
using Kube.Testing;
using Paas.Cli.Tests.Support;
using Paas.Platform.Api;
using Paas.Platform.Crds;

namespace Paas.Cli.Tests;

/// <summary>The permissions table of docs/cli.md is exactly what the commands ask the API server for.</summary>
public partial class PermissionsTests
{
    [Fact]
    public async Task Docs_permission_table_lists_exactly_the_requests_every_command_makes()
    {
        var observed = new ConcurrentBag<string>();
        await using var server = await KubeApiServer.StartAsync(new KubeApiServerOptions
        {
            RequestObserver = request =>
            {
                if (request.UserAgent?.StartsWith("paas-cli", StringComparison.Ordinal) == true)
                {
                    var group = request.Group.Length == 0 ? string.Empty : "." + request.Group;
                    var subresource = request.Subresource is null ? string.Empty : "/" + request.Subresource;
                    observed.Add($"{request.Resource}{group}{subresource} {request.Verb}");
                }
            },
        });
        var directory = Directory.CreateTempSubdirectory("paas-cli-rbac-");
        try
        {
            await RunEveryCommandAsync(server, directory.FullName);
        }
        finally
        {
            directory.Delete(recursive: true);
        }

        // The log endpoint is answered in front of the server (it has no kubelet), so the table's pods/log row is taken on trust.
        observed.Add("pods/log get");
        observed.Distinct().Order(StringComparer.Ordinal).Should().Equal(DocumentedPermissions());
    }

    private static async Task RunEveryCommandAsync(KubeApiServer server, string directory)
    {
        var kubeconfig = server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"), "team");
        using var client = new KubeClient(new SocketsHttpHandler(), server.BaseAddress, new KubeClientOptions { JsonResolvers = [PaasJsonContext.Default] });
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            await client.Dynamic.CreateAsync(WellKnownResources.CustomResourceDefinitions, crd.DeepClone().AsObject());
        }

        await client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = "team" } });
        await WaitUntilServedAsync(client);
        var procfile = Path.Combine(directory, "Procfile");
        await File.WriteAllTextAsync(procfile, "web: bin/web\n");
        var logs = new FakePodLogs(new Dictionary<string, string> { ["shop-web-1-aaaaa"] = "2026-11-22T10:00:00Z up\n" });

        await RunAsync(kubeconfig, logs, "apps:create", "shop", "--image", "nginx:1", "--procfile", procfile);
        foreach (var version in new[] { 1, 2 })
        {
            await client.CreateAsync(new Release
            {
                Metadata = new ObjectMeta { Name = $"shop-v{version}", Namespace = "team", Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop" } },
                Spec = new ReleaseSpec { App = "shop", Version = version, Image = CliCluster.Image },
            });
        }

        await client.CreateAsync(new Pod
        {
            Metadata = new ObjectMeta { Name = "shop-web-1-aaaaa", Namespace = "team", Labels = new Dictionary<string, string> { [PaasLabels.App] = "shop", [PaasLabels.ProcessType] = "web" } },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = CliCluster.Image }] },
        });
        var build = (await client.ListAsync<Build>("team")).Items.Single().Metadata.Name!;
        await client.MergePatchAsync<Release>("shop-v2", "team", new JsonObject { ["status"] = new JsonObject { ["current"] = true } }, "status");

        // Applied with kubectl, so not owned by the App: apps:destroy deletes it itself.
        await client.CreateAsync(new Build
        {
            Metadata = new ObjectMeta { Name = "shop-applied", Namespace = "team" },
            Spec = new BuildSpec { App = "shop", Source = new BuildSource { Image = "nginx:1" } },
        });
        string[][] commands =
        [
            ["apps"], ["apps:info", "-a", "shop"],
            ["maintenance:on", "-a", "shop"], ["maintenance", "-a", "shop"], ["maintenance:off", "-a", "shop"],
            ["domains:add", "www.example.com", "-a", "shop"], ["domains", "-a", "shop"], ["domains:remove", "www.example.com", "-a", "shop"],
            ["config", "-a", "shop"], ["config:set", "FOO=1", "-a", "shop", "--no-wait"], ["config:get", "FOO", "-a", "shop"], ["config:unset", "FOO", "-a", "shop", "--no-wait"],
            ["ps:scale", "web=2", "-a", "shop"], ["ps:scale", "web=1", "-a", "shop"], ["ps", "-a", "shop"],
            ["releases", "-a", "shop"], ["releases:info", "-a", "shop"], ["rollback", "-a", "shop", "--no-wait"],
            ["builds", "-a", "shop"], ["builds:create", "-a", "shop", "--image", "nginx:2"], ["builds:info", build], ["builds:output", build],
            ["logs", "-a", "shop"], ["run:detached", "-a", "shop", "rake", "db:migrate"],
            ["apps:destroy", "-a", "shop", "--confirm", "shop"],
        ];
        foreach (var command in commands)
        {
            await RunAsync(kubeconfig, logs, command);
        }
    }

    private static async Task RunAsync(string kubeconfig, FakePodLogs logs, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var environment = logs.Install(new CliEnvironment { Out = output, Error = error, GetEnvironmentVariable = _ => null });
        var code = await PaasCli.RunAsync([.. args, "--kubeconfig", kubeconfig], environment);
        code.Should().Be(0, $"paas {string.Join(' ', args)} succeeds; stderr: {error}");
    }

    private static async Task WaitUntilServedAsync(KubeClient client)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        foreach (var kind in new[] { App.Resource, Build.Resource, Release.Resource, Formation.Resource })
        {
            while (true)
            {
                try
                {
                    await client.Dynamic.ListAsync(kind, "team");
                    break;
                }
                catch (KubeApiException) when (DateTime.UtcNow < deadline)
                {
                    await Task.Delay(25);
                }
            }
        }
    }

    /// <summary>The rows of the table under "## Permissions" in docs/cli.md, as "resource verb".</summary>
    private static IEnumerable<string> DocumentedPermissions()
    {
        var root = typeof(PermissionsTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "RepositoryRoot").Value!;
        var text = File.ReadAllText(Path.Combine(root, "docs", "cli.md"));
        var section = text[text.IndexOf("## Permissions", StringComparison.Ordinal)..];
        return Row().Matches(section)
            .SelectMany(row => row.Groups["verbs"].Value.Split(',', StringSplitOptions.TrimEntries).Select(verb => $"{row.Groups["resource"].Value} {verb}"))
            .Order(StringComparer.Ordinal);
    }

    [GeneratedRegex(@"^\| `(?<resource>[a-z./]+)` \| (?<verbs>[a-z, ]+) \|", RegexOptions.Multiline)]
    private static partial Regex Row();
}
