using Kube.Runtime.Hosting;

namespace Paas.Host.Running;

/// <summary>Serves the kubelet's probes: <c>/healthz</c> while the process runs, <c>/readyz</c> once the caches are synced.</summary>
internal static class ProbeServer
{
    public static async Task<WebApplication> StartAsync(string address, ControllerHost host, CancellationToken cancellationToken)
    {
        var app = FixedPathServer.Build($"http://{address}", new Dictionary<string, Func<FixedPathServer.Answer>>(StringComparer.Ordinal)
        {
            ["/healthz"] = () => FixedPathServer.Answer.Text("ok"),
            ["/readyz"] = () => host.HasSynced
                ? FixedPathServer.Answer.Text("ok")
                : FixedPathServer.Answer.Text("informer caches are not synced yet", StatusCodes.Status503ServiceUnavailable),
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}
