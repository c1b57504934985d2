using System.Text.Json.Nodes;
using Kube.Client;
using Kube.Models;
using Kube.Testing;
using Paas.Platform.Api;
using Paas.Platform.Crds;

namespace Paas.Cli.Tests.Support;

/// <summary>
/// An in-process API server with the paas.dev CRDs and a kubeconfig for it, shared by a test class; each test takes its
/// own namespace and runs <c>paas</c> in-process against it.
/// </summary>
public sealed class CliCluster : IAsyncLifetime
{
    /// <summary>A digest-pinned image, as Releases need.</summary>
    public const string Image = "registry.example/shop@sha256:1111111111111111111111111111111111111111111111111111111111111111";

    private readonly string directory = Path.Combine(Path.GetTempPath(), "paas-cli-tests-" + Guid.NewGuid().ToString("N")[..8]);

    public KubeApiServer Server { get; private set; } = null!;

    public KubeClient Client { get; private set; } = null!;

    /// <summary>A kubeconfig whose context has no namespace: commands say -n.</summary>
    public string Kubeconfig { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(directory);
        Server = await KubeApiServer.StartAsync();
        Kubeconfig = Server.WriteKubeconfig(Path.Combine(directory, "kubeconfig"));
        Client = NewClient();
        foreach (var crd in CrdGenerator.CustomResourceDefinitions())
        {
            await Client.Dynamic.CreateAsync(WellKnownResources.CustomResourceDefinitions, crd.DeepClone().AsObject());
        }

        foreach (var kind in new[] { App.Resource, Build.Resource, Release.Resource, Formation.Resource })
        {
            await Eventually.TrueAsync(
                async () =>
                {
                    try
                    {
                        await Client.Dynamic.ListAsync(kind, "default");
                        return true;
                    }
                    catch (KubeApiException)
                    {
                        return false;
                    }
                },
                $"{kind.Kind} is served");
        }
    }

    public async Task DisposeAsync()
    {
        Client.Dispose();
        await Server.DisposeAsync();
        Directory.Delete(directory, recursive: true);
    }

    public KubeClient NewClient() => new(new SocketsHttpHandler(), Server.BaseAddress, new KubeClientOptions { JsonResolvers = [PaasJsonContext.Default] });

    /// <summary>Writes another kubeconfig for this server, e.g. one whose context names a namespace.</summary>
    public string WriteKubeconfig(string name, string? @namespace) => Server.WriteKubeconfig(Path.Combine(directory, name), @namespace);

    public string TempFile(string name, string text)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public async Task<string> NewNamespaceAsync()
    {
        var name = $"cli-{Guid.NewGuid().ToString("N")[..10]}";
        await Client.Dynamic.CreateAsync(WellKnownResources.Namespaces, new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        return name;
    }

    /// <summary>Runs <c>paas ARGS --kubeconfig K</c> in-process; <paramref name="configure"/> adjusts the environment (fake endpoints, waits).</summary>
    public async Task<CliRun> RunAsync(IEnumerable<string> args, Func<CliEnvironment, CliEnvironment>? configure = null, CancellationToken cancellationToken = default)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var error = new StringWriter { NewLine = "\n" };
        var environment = new CliEnvironment
        {
            Out = output,
            Error = error,
            GetEnvironmentVariable = _ => null,
            ReleaseWaitTimeout = TimeSpan.FromSeconds(20),
            PollInterval = TimeSpan.FromMilliseconds(50),
        };
        environment = configure?.Invoke(environment) ?? environment;
        // First, so that it is not taken as part of a command after "--" (run:detached).
        var code = await PaasCli.RunAsync(["--kubeconfig", Kubeconfig, .. args], environment, cancellationToken);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, null);

    public Task<App> CreateAppAsync(string ns, string name = "shop", AppSpec? spec = null) =>
        Client.CreateAsync(new App { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Spec = spec ?? new AppSpec() });

    /// <summary>A Release as the operator records one; <paramref name="phase"/> and <paramref name="current"/> go into its status.</summary>
    public async Task<Release> CreateReleaseAsync(string ns, int version, string description, string? phase = ReleasePhases.Succeeded, bool current = false, string app = "shop")
    {
        var release = await Client.CreateAsync(new Release
        {
            Metadata = new ObjectMeta { Name = $"{app}-v{version}", Namespace = ns, Labels = new Dictionary<string, string> { [PaasLabels.App] = app } },
            Spec = new ReleaseSpec { App = app, Version = version, Image = Image, Description = description, ProcessTypes = new Dictionary<string, string> { ["web"] = "bin/web", ["worker"] = "bin/worker" } },
        });
        return await Client.MergePatchAsync<Release>(release.Metadata.Name!, ns, new JsonObject { ["status"] = new JsonObject { ["phase"] = phase, ["current"] = current } }, "status");
    }

    /// <summary>Writes an App's status as the operator would.</summary>
    public Task<App> SetAppStatusAsync(string ns, JsonObject status, string app = "shop") =>
        Client.MergePatchAsync<App>(app, ns, new JsonObject { ["status"] = status }, "status");
}
