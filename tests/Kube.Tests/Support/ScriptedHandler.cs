using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Kube.Tests.Support;

/// <summary>An HTTP handler that answers from a script of responses and records every request it saw.</summary>
public sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpRequestMessage, HttpResponseMessage>> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    public ScriptedHandler Then(Func<HttpRequestMessage, HttpResponseMessage> respond)
    {
        _script.Enqueue(respond);
        return this;
    }

    public ScriptedHandler ThenJson(HttpStatusCode status, string json, Action<HttpResponseMessage>? configure = null) =>
        Then(_ =>
        {
            var response = Json(status, json);
            configure?.Invoke(response);
            return response;
        });

    public ScriptedHandler ThenThrow(Exception exception) => Then(_ => throw exception);

    public static HttpResponseMessage Json(HttpStatusCode status, string json) =>
        new(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };

    public static string StatusJson(int code, string reason, string message, string? details = null) =>
        $$"""{"kind":"Status","apiVersion":"v1","status":"Failure","message":"{{message}}","reason":"{{reason}}","code":{{code}}{{(details is null ? "" : ",\"details\":" + details)}}}""";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                body,
                request.Content?.Headers.ContentType?.MediaType,
                request.Headers.Authorization?.ToString()));
        }

        if (!_script.TryDequeue(out var respond))
        {
            throw new InvalidOperationException($"No scripted response left for {request.Method} {request.RequestUri}");
        }

        var response = respond(request);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>What the client sent.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? ContentType, string? Authorization)
{
    public string PathAndQuery => Uri.PathAndQuery;
}
