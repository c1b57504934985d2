using System.Collections.Concurrent;

namespace Paas.Controllers.Tests.Support;

/// <summary>Counts the requests a client sends by HTTP method, so a test can prove a reconcile wrote nothing.</summary>
internal sealed class CountingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<(HttpMethod Method, string Path)> requests = new();

    public CountingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public IReadOnlyList<(HttpMethod Method, string Path)> Requests => [.. requests];

    /// <summary>Requests that change state: everything but GET (list and watch included).</summary>
    public int Writes => requests.Count(request => request.Method != HttpMethod.Get);

    public void Reset() => requests.Clear();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        requests.Enqueue((request.Method, request.RequestUri?.PathAndQuery ?? string.Empty));
        return base.SendAsync(request, cancellationToken);
    }
}
