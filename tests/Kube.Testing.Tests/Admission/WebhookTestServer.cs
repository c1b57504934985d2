using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Kube.Testing.Tests.Admission;

/// <summary>A tiny Kestrel webhook on 127.0.0.1: each path answers AdmissionReviews through a handler the test sets, and records what it received.</summary>
internal sealed class WebhookTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<JsonObject, CancellationToken, Task<JsonObject>>> _handlers = new(StringComparer.Ordinal);

    private WebhookTestServer(WebApplication app, TestCertificates? certificates)
    {
        _app = app;
        Certificates = certificates;
    }

    public TestCertificates? Certificates { get; }

    public ConcurrentQueue<(string Path, JsonObject Request)> Received { get; } = new();

    public Uri BaseUrl => new(_app.Urls.First());

    public static async Task<WebhookTestServer> StartAsync(bool https = true)
    {
        var certificates = https ? TestCertificates.Create() : null;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificates is not null)
            {
                listen.UseHttps(certificates.Server);
            }
        }));
        var app = builder.Build();
        var server = new WebhookTestServer(app, certificates);
        app.MapPost("/{**path}", server.HandleAsync);
        await app.StartAsync();
        return server;
    }

    public void On(string path, Func<JsonObject, CancellationToken, Task<JsonObject>> handler) => _handlers[path] = handler;

    public void On(string path, Func<JsonObject, JsonObject> handler) => On(path, (request, _) => Task.FromResult(handler(request)));

    public Uri Url(string path) => new(BaseUrl, path);

    public IEnumerable<JsonObject> RequestsTo(string path) => Received.Where(r => r.Path == path).Select(r => r.Request);

    private async Task HandleAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? "/";
        var review = (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))!.AsObject();
        var request = review["request"]!.AsObject();
        Received.Enqueue((path, request));
        if (!_handlers.TryGetValue(path, out var handler))
        {
            context.Response.StatusCode = 404;
            return;
        }
        var response = await handler(request, context.RequestAborted);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(response.ToJsonString(), Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>An AdmissionReview that allows, optionally with a JSON Patch and warnings.</summary>
    public static JsonObject Allow(JsonObject request, string? patch = null, params string[] warnings)
    {
        var response = new JsonObject { ["uid"] = request["uid"]!.GetValue<string>(), ["allowed"] = true };
        if (patch is not null)
        {
            response["patchType"] = "JSONPatch";
            response["patch"] = Convert.ToBase64String(Encoding.UTF8.GetBytes(patch));
        }
        if (warnings.Length > 0)
        {
            response["warnings"] = new JsonArray(warnings.Select(w => (JsonNode)w).ToArray());
        }
        return Review(response);
    }

    /// <summary>An AdmissionReview that denies with a status message and optional code.</summary>
    public static JsonObject Deny(JsonObject request, string message, int? code = null)
    {
        var status = new JsonObject { ["message"] = message };
        if (code is not null)
        {
            status["code"] = code;
        }
        return Review(new JsonObject { ["uid"] = request["uid"]!.GetValue<string>(), ["allowed"] = false, ["status"] = status });
    }

    private static JsonObject Review(JsonObject response) =>
        new() { ["apiVersion"] = "admission.k8s.io/v1", ["kind"] = "AdmissionReview", ["response"] = response };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificates?.Dispose();
    }
}
