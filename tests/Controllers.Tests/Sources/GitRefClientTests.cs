using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Paas.Controllers.Sources;
using Paas.Platform.Sources;

namespace Paas.Controllers.Tests.Sources;

/// <summary>The HTTP half of a poll over real sockets: a Kestrel server on 127.0.0.1 plays the git host.</summary>
public sealed class GitRefClientTests : IAsyncLifetime
{
    private const string Commit = "c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3c3";
    private readonly ConcurrentQueue<HttpRequestSnapshot> requests = new();
    private WebApplication server = null!;
    private string baseUrl = "";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        server.Run(ServeAsync);
        await server.StartAsync();
        baseUrl = server.Urls.Single();
    }

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Refs_are_read_over_http_with_a_git_user_agent_and_the_urls_credentials_as_basic_auth()
    {
        var url = baseUrl.Replace("http://", "http://deploy:t0ken@", StringComparison.Ordinal) + "/team/shop.git";

        var lookup = await LookUpAsync(url);

        lookup.Message.Should().BeNull();
        lookup.Advertisement!.CommitOf("refs/heads/main").Should().Be(Commit);
        var request = requests.Should().ContainSingle().Subject;
        request.PathAndQuery.Should().Be("/team/shop.git/info/refs?service=git-upload-pack");
        request.UserAgent.Should().StartWith("git/");
        request.Authorization.Should().Be("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("deploy:t0ken")));
    }

    [Fact]
    public async Task Html_answer_is_not_a_smart_http_server()
    {
        var lookup = await LookUpAsync(baseUrl + "/html/shop");

        lookup.Reason.Should().Be(SourceReasons.BadResponse);
        lookup.Message.Should().Contain("did not answer as a git smart-HTTP server (Content-Type text/html");
    }

    [Fact]
    public async Task Missing_repository_is_not_found()
    {
        var lookup = await LookUpAsync(baseUrl + "/missing/shop.git");

        lookup.Reason.Should().Be(SourceReasons.NotFound);
        lookup.Message.Should().Be($"spec.source.git.url: \"{baseUrl}/missing/shop.git\" was not found (HTTP 404); check the URL, e.g. copy the repository's https clone URL.");
    }

    [Fact]
    public async Task Closed_port_is_unreachable()
    {
        var closed = new TcpListener(IPAddress.Loopback, 0);
        closed.Start();
        var port = ((IPEndPoint)closed.LocalEndpoint).Port;
        closed.Stop();
        var url = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/shop.git";

        var lookup = await LookUpAsync(url);

        lookup.Reason.Should().Be(SourceReasons.Unreachable);
        lookup.Message.Should().StartWith($"spec.source.git.url: \"{url}\" could not be reached (").And.Contain("check the host name");
    }

    [Fact]
    public async Task Server_that_never_answers_times_out_as_unreachable()
    {
        var lookup = await LookUpAsync(baseUrl + "/slow/shop.git", TimeSpan.FromMilliseconds(300));

        lookup.Reason.Should().Be(SourceReasons.Unreachable);
        lookup.Message.Should().Contain("no answer within 0.3 s");
    }

    private static async Task<RefLookup> LookUpAsync(string url, TimeSpan? timeout = null)
    {
        using var http = new HttpClient { Timeout = timeout ?? TimeSpan.FromSeconds(10) };
        return await new GitRefClient(http).LookUpAsync(SourceUrls.ForPolling(url).Target!, CancellationToken.None);
    }

    private async Task ServeAsync(HttpContext context)
    {
        var request = context.Request;
        requests.Enqueue(new HttpRequestSnapshot(request.Path + request.QueryString, request.Headers.UserAgent.ToString(), request.Headers.Authorization.ToString()));
        if (request.Path.StartsWithSegments("/slow", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        if (request.Path.StartsWithSegments("/html", StringComparison.Ordinal))
        {
            context.Response.ContentType = "text/html";
            await context.Response.WriteAsync("<html>sign in</html>");
            return;
        }

        if (request.Path.StartsWithSegments("/missing", StringComparison.Ordinal))
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/x-git-upload-pack-advertisement";
        await context.Response.WriteAsync(Pkt("# service=git-upload-pack\n") + "0000" + Pkt($"{Commit} HEAD\0symref=HEAD:refs/heads/main\n") + Pkt($"{Commit} refs/heads/main\n") + "0000");
    }

    private static string Pkt(string line) => (Encoding.UTF8.GetByteCount(line) + 4).ToString("x4", CultureInfo.InvariantCulture) + line;

    private sealed record HttpRequestSnapshot(string PathAndQuery, string UserAgent, string Authorization);
}
