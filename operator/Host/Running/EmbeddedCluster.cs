using Kube.Client;
using Kube.Config;
using Kube.Testing;

namespace Paas.Host.Running;

/// <summary>
/// The in-process API server, with the paas.dev CRDs installed and a kubeconfig written for kubectl, so a newcomer can
/// try the operator with no cluster at all.
/// </summary>
internal sealed class EmbeddedCluster : IAsyncDisposable
{
    private EmbeddedCluster(KubeApiServer server, string kubeconfigPath)
    {
        Server = server;
        KubeconfigPath = kubeconfigPath;
    }

    public KubeApiServer Server { get; }

    public string KubeconfigPath { get; }

    public static async Task<EmbeddedCluster> StartAsync(EmbeddedClusterOptions options, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger("embedded-cluster");
        var server = await KubeApiServer.StartAsync(new KubeApiServerOptions { Port = options.Port, LoggerFactory = loggers }, cancellationToken);
        try
        {
            Directory.CreateDirectory(options.StateDirectory);
            var kubeconfig = server.WriteKubeconfig(Path.GetFullPath(Path.Combine(options.StateDirectory, "kubeconfig")));
            using var client = KubeClientFactory.Create(new KubeConfigLoadOptions { KubeconfigPath = kubeconfig });
            var crds = await CrdInstaller.InstallAsync(client.Dynamic, options.CrdDirectory, TimeSpan.FromSeconds(30), cancellationToken);
            logger.LogInformation("Embedded API server at {Address} with CRDs {Crds}", server.BaseAddress, string.Join(", ", crds));
            return new EmbeddedCluster(server, kubeconfig);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => Server.DisposeAsync();
}

/// <summary>Where the embedded server listens, where its kubeconfig goes and where the CRDs come from.</summary>
internal sealed record EmbeddedClusterOptions(int Port, string StateDirectory, string CrdDirectory);
