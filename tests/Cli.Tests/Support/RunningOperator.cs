using Kube.Client;
using Kube.Runtime.Events;
using Kube.Runtime.Hosting;
using Paas.Controllers;
using Paas.Platform.Api;

namespace Paas.Cli.Tests.Support;

/// <summary>The real controllers (<see cref="OperatorControllers.AddTo"/>) watching one namespace, so a command's wait meets the operator's own Release.</summary>
internal sealed class RunningOperator : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly List<KubeClient> clients;
    private readonly Task run;

    private RunningOperator(ControllerHost host, List<KubeClient> clients)
    {
        this.clients = clients;
        run = host.RunAsync(stop.Token);
    }

    public static async Task<RunningOperator> StartAsync(CliCluster cluster, string ns)
    {
        var options = new KubeClientOptions { JsonResolvers = [PaasJsonContext.Default] };
        var client = new KubeClient(new SocketsHttpHandler(), cluster.Server.BaseAddress, options);
        var eventsClient = new KubeClient(new SocketsHttpHandler(), cluster.Server.BaseAddress, options);
        var recorder = new EventRecorder(eventsClient, new EventRecorderOptions { ReportingController = "paas-operator", ReportingInstance = "cli-test" });
        var host = new ControllerHost();
        OperatorControllers.AddTo(host, client, recorder, @namespace: ns);
        host.AddBackground("events", recorder.RunAsync);
        var running = new RunningOperator(host, [client, eventsClient]);
        await Eventually.TrueAsync(() => Task.FromResult(host.IsActive), "the operator's caches synced and its controllers run");
        return running;
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await run;
        stop.Dispose();
        clients.ForEach(client => client.Dispose());
    }
}
