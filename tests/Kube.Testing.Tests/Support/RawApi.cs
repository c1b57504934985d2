using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Kube.Testing.Tests.Support;

/// <summary>A raw HttpClient against a test server: no Kubernetes client logic, so tests see exactly what the server says.</summary>
public sealed class RawApi : IDisposable
{
    public RawApi(KubeApiServer server, string? token = null, HttpMessageHandler? handler = null)
    {
        Http = handler is null ? new HttpClient() : new HttpClient(handler);
        Http.BaseAddress = server.BaseAddress;
        Http.Timeout = TimeSpan.FromSeconds(30);
        if (token is not null)
            Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    }

    public HttpClient Http { get; }

    public Task<Reply> GetAsync(string path, string? accept = null) => SendAsync(HttpMethod.Get, path, null, accept: accept);

    public Task<Reply> PostAsync(string path, JsonNode body) => SendAsync(HttpMethod.Post, path, body);

    public Task<Reply> PutAsync(string path, JsonNode body) => SendAsync(HttpMethod.Put, path, body);

    public Task<Reply> PatchAsync(string path, JsonNode body, string contentType) => SendAsync(HttpMethod.Patch, path, body, contentType);

    public Task<Reply> DeleteAsync(string path, JsonNode? body = null) => SendAsync(HttpMethod.Delete, path, body);

    public async Task<Reply> ApplyAsync(string path, string yaml)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, path)
        {
            Content = new StringContent(yaml, Encoding.UTF8, "application/apply-patch+yaml"),
        };
        return await Reply.ReadAsync(await Http.SendAsync(request));
    }

    public async Task<Reply> SendAsync(HttpMethod method, string path, JsonNode? body, string contentType = "application/json", string? accept = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        }
        if (accept is not null)
            request.Headers.TryAddWithoutValidation("Accept", accept);
        return await Reply.ReadAsync(await Http.SendAsync(request));
    }

    /// <summary>Creates a namespace with a unique name for one test.</summary>
    public async Task<string> CreateNamespaceAsync(string prefix = "test")
    {
        var name = $"{prefix}-{Guid.NewGuid():N}"[..20];
        var reply = await PostAsync("/api/v1/namespaces", new JsonObject { ["metadata"] = new JsonObject { ["name"] = name } });
        reply.Status.Should().Be(HttpStatusCode.Created, reply.Text);
        return name;
    }

    public void Dispose() => Http.Dispose();
}

/// <summary>A response: status, headers and the body as text and (when JSON) as a node.</summary>
public sealed record Reply(HttpStatusCode Status, HttpResponseHeaders Headers, string? ContentType, string Text)
{
    public JsonObject Json => JsonNode.Parse(Text)!.AsObject();

    public static async Task<Reply> ReadAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync();
            return new Reply(response.StatusCode, response.Headers, response.Content.Headers.ContentType?.MediaType, text);
        }
    }
}
