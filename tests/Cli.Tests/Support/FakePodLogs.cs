using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Kube.Auth;

namespace Paas.Cli.Tests.Support;

/// <summary>
/// Answers <c>GET .../pods/{pod}/log</c> from canned text (keyed by pod, or by pod/container when the request names one), because the in-process API server has no kubelet to read
/// container logs from; every other request goes on to the real server.
/// </summary>
internal sealed class FakePodLogs(IReadOnlyDictionary<string, string> logsByPod, bool keepStreamsOpen = false)
{
    private readonly ConcurrentQueue<Uri> requests = new();

    /// <summary>The log requests seen, with their query strings.</summary>
    public IReadOnlyList<Uri> Requests => [.. requests];

    /// <summary>For <see cref="CliEnvironment.Handler"/>: the CLI's own handler chain behind the fake log endpoint.</summary>
    public CliEnvironment Install(CliEnvironment environment) =>
        environment with { Handler = config => new Interceptor(this, KubeHttpHandler.Create(config)) };

    private HttpResponseMessage Answer(Uri uri)
    {
        requests.Enqueue(uri);
        var pod = uri.AbsolutePath.Split('/')[^2];
        var container = uri.Query.TrimStart('?').Split('&').FirstOrDefault(part => part.StartsWith("container=", StringComparison.Ordinal))?["container=".Length..];
        return logsByPod.TryGetValue(container is null ? pod : $"{pod}/{container}", out var text)
            ? new HttpResponseMessage(HttpStatusCode.OK) { Content = keepStreamsOpen ? new StreamContent(new OpenEndedStream(Encoding.UTF8.GetBytes(text))) : new StringContent(text, Encoding.UTF8, "text/plain") }
            : new HttpResponseMessage(HttpStatusCode.NotFound)
            {
                Content = new StringContent($"{{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"pods \\\"{pod}\\\" not found\",\"reason\":\"NotFound\",\"code\":404}}", Encoding.UTF8, "application/json"),
            };
    }

    private sealed class Interceptor(FakePodLogs logs, HttpMessageHandler inner) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            request.RequestUri!.AbsolutePath.EndsWith("/log", StringComparison.Ordinal)
                ? Task.FromResult(logs.Answer(request.RequestUri))
                : base.SendAsync(request, cancellationToken);
    }
}
