using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Kube.Models;
using Polly;

namespace Kube.Client;

/// <summary>
/// Sends requests with retries and maps failures to typed exceptions. Ordinary requests go through a client with a
/// per-attempt timeout; watches through one with none, since a watch is meant to stay open.
/// </summary>
internal sealed class KubeTransport : IDisposable
{
    private readonly HttpClient _requests;
    private readonly HttpClient _watches;
    private readonly ResiliencePipeline<HttpResponseMessage> _pipeline;
    private readonly TimeSpan _requestTimeout;

    public KubeTransport(HttpMessageHandler handler, Uri server, KubeClientOptions options)
    {
        Server = server;
        _requestTimeout = options.RequestTimeout;
        _requests = new HttpClient(handler, disposeHandler: true) { Timeout = options.RequestTimeout };
        _watches = new HttpClient(handler, disposeHandler: false) { Timeout = Timeout.InfiniteTimeSpan };
        foreach (var client in new[] { _requests, _watches })
        {
            client.DefaultRequestHeaders.UserAgent.Add(ProductInfoHeaderValue.Parse(options.UserAgent));
        }

        _pipeline = KubeResilience.Build(options.Retry);
        Json = KubeJson.CreateOptions([.. options.JsonResolvers]);
        Json.MakeReadOnly(populateMissingResolver: false);
    }

    public Uri Server { get; }

    public JsonSerializerOptions Json { get; }

    public JsonTypeInfo<T> TypeInfo<T>()
    {
        try
        {
            return (JsonTypeInfo<T>)Json.GetTypeInfo(typeof(T));
        }
        catch (NotSupportedException e)
        {
            throw new InvalidOperationException(
                $"No JSON metadata for {typeof(T).FullName}: add [JsonSerializable(typeof({typeof(T).Name}))] to a JsonSerializerContext and pass it in KubeClientOptions.JsonResolvers", e);
        }
    }

    /// <summary>Sends and reads the whole answer as JSON; a failure arrives as a typed <see cref="KubeApiException"/>.</summary>
    public async Task<JsonNode?> SendAsync(KubeRequest request, CancellationToken cancellationToken)
    {
        using var response = await SendWithRetriesAsync(_requests, request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return body.Length == 0 ? null : JsonNode.Parse(body);
    }

    /// <summary>Sends and returns the answer with its body unread, for callers that read large answers piece by piece; the caller disposes it.</summary>
    public Task<HttpResponseMessage> SendForStreamAsync(KubeRequest request, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(_requests, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    /// <summary>Opens a streaming response (a watch); the caller owns and disposes it.</summary>
    public Task<HttpResponseMessage> OpenStreamAsync(KubeRequest request, CancellationToken cancellationToken) =>
        SendWithRetriesAsync(_watches, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);

    public void Dispose()
    {
        _watches.Dispose();
        _requests.Dispose();
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(
        HttpClient client, KubeRequest request, HttpCompletionOption completion, CancellationToken cancellationToken)
    {
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(KubeResilience.RequestKey, request);
        HttpResponseMessage response;
        try
        {
            response = await _pipeline.ExecuteAsync(
                static async (ctx, state) =>
                {
                    using var message = state.request.ToMessage(state.server);
                    return await state.client.SendAsync(message, state.completion, ctx.CancellationToken);
                },
                context,
                (request, server: Server, client, completion));
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"{request}: no answer from {Server.Authority} within {_requestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s", e);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            throw await KubeErrors.FromResponseAsync(response, request, cancellationToken);
        }
    }
}
