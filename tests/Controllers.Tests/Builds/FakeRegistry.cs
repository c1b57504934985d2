using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Paas.Controllers.Tests.Builds;

/// <summary>
/// A container registry's manifest and token endpoints on 127.0.0.1: manifests answer only with a bearer token, which
/// the token endpoint hands out anonymously, as Docker Hub and most registries do for public images.
/// </summary>
internal sealed class FakeRegistry : IAsyncDisposable
{
    private const string Token = "anonymous-pull-token";
    private readonly WebApplication app;
    private readonly ConcurrentDictionary<string, string> digests = new(StringComparer.Ordinal);

    private FakeRegistry(WebApplication app) => this.app = app;

    /// <summary>host:port, as an image reference names the registry.</summary>
    public string Host { get; private set; } = string.Empty;

    public int TokensIssued { get; private set; }

    public static async Task<FakeRegistry> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var registry = new FakeRegistry(builder.Build());
        registry.app.MapMethods("/v2/{**path}", ["GET", "HEAD"], registry.Manifest);
        registry.app.MapGet("/token", registry.IssueToken);
        await registry.app.StartAsync();
        registry.Host = new Uri(registry.app.Urls.First()).Authority;
        return registry;
    }

    /// <summary>Serves <paramref name="repository"/>:<paramref name="tag"/> with <paramref name="digest"/>.</summary>
    public void Push(string repository, string tag, string digest) => digests[$"{repository}/manifests/{tag}"] = digest;

    public async ValueTask DisposeAsync() => await app.DisposeAsync();

    private IResult Manifest(HttpContext context, string path)
    {
        if (context.Request.Headers.Authorization != $"Bearer {Token}")
        {
            var repository = path.Split("/manifests/")[0];
            context.Response.Headers.WWWAuthenticate = $"Bearer realm=\"http://{Host}/token\",service=\"fake-registry\",scope=\"repository:{repository}:pull\"";
            return Results.Unauthorized();
        }

        if (!digests.TryGetValue(path, out var digest))
        {
            return Results.NotFound();
        }

        context.Response.Headers["Docker-Content-Digest"] = digest;
        context.Response.ContentType = "application/vnd.oci.image.index.v1+json";
        return Results.Ok();
    }

    private IResult IssueToken(string service, string scope)
    {
        if (service != "fake-registry" || !scope.EndsWith(":pull", StringComparison.Ordinal))
        {
            return Results.BadRequest();
        }

        TokensIssued++;
        return Results.Json(new Dictionary<string, string> { ["token"] = Token });
    }
}
