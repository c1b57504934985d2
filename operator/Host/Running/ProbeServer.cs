using Kube.Runtime.Hosting;

namespace Paas.Host.Running;

/// <summary>Serves the kubelet's probes: <c>/healthz</c> while the process runs, <c>/readyz</c> once the caches are synced.</summary>
internal static class ProbeServer
{
    public static async Task<WebApplication> StartAsync(string address, ControllerHost host, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://{address}");
        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Text("ok"));
        app.MapGet("/readyz", () => host.HasSynced
            ? Results.Text("ok")
            : Results.Text("informer caches are not synced yet", statusCode: StatusCodes.Status503ServiceUnavailable));
        await app.StartAsync(cancellationToken);
        return app;
    }
}
