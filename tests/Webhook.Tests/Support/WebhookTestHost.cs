using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Paas.Platform;
using Paas.Webhook.Http;

namespace Paas.Webhook.Tests.Support;

/// <summary>The webhook endpoints on an in-memory TestServer, with an in-memory object reader.</summary>
internal sealed class WebhookTestHost : IAsyncDisposable
{
    private readonly WebApplication app;

    private WebhookTestHost(WebApplication app, HttpClient client, InMemoryPaasObjects objects)
    {
        this.app = app;
        Client = client;
        Objects = objects;
    }

    public HttpClient Client { get; }

    public InMemoryPaasObjects Objects { get; }

    public static async Task<WebhookTestHost> StartAsync(PlatformSettings? settings = null, long maxRequestBodyBytes = WebhookEndpoints.DefaultMaxRequestBodyBytes)
    {
        var objects = new InMemoryPaasObjects();
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseTestServer();
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapPaasWebhooks(new WebhookOptions { Platform = settings ?? PlatformSettings.Default, MaxRequestBodyBytes = maxRequestBodyBytes }, objects);
        await app.StartAsync();
        return new WebhookTestHost(app, app.GetTestClient(), objects);
    }

    /// <summary>Posts a review and returns its <c>response</c>, after checking the envelope is a 200 v1 AdmissionReview.</summary>
    public async Task<JsonObject> ReviewAsync(string path, JsonObject review)
    {
        using var response = await PostAsync(path, review.ToJsonString());
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(HttpStatusCode.OK, body);
        var answer = JsonNode.Parse(body)!.AsObject();
        ((string?)answer["apiVersion"]).Should().Be("admission.k8s.io/v1");
        ((string?)answer["kind"]).Should().Be("AdmissionReview");
        return answer["response"]!.AsObject();
    }

    public Task<JsonObject> ValidateAsync(JsonObject review) => ReviewAsync(WebhookEndpoints.ValidatePath, review);

    public Task<JsonObject> MutateAsync(JsonObject review) => ReviewAsync(WebhookEndpoints.MutatePath, review);

    public Task<HttpResponseMessage> PostAsync(string path, string body) => PostAsync(path, Encoding.UTF8.GetBytes(body));

    public Task<HttpResponseMessage> PostAsync(string path, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return Client.PostAsync(path, content);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.StopAsync();
        await app.DisposeAsync();
    }
}
