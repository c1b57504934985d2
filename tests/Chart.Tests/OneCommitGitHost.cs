using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Paas.Chart.Tests;

/// <summary>
/// A git host on 127.0.0.1 whose every repository has one branch, <c>main</c>, at one commit: enough of git's
/// smart-HTTP ref advertisement for the operator's auto-deploy poll to start a Build.
/// </summary>
internal sealed class OneCommitGitHost : IAsyncDisposable
{
    private readonly WebApplication server;

    private OneCommitGitHost(WebApplication server, string commit)
    {
        this.server = server;
        Commit = commit;
    }

    public string Commit { get; }

    public string UrlOf(string repository) => $"{server.Urls.Single()}/{repository}.git";

    public static async Task<OneCommitGitHost> StartAsync(string commit)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = builder.Build();
        var advertisement = Advertisement(commit);
        server.Run(async context =>
        {
            if (!context.Request.Path.Value!.EndsWith("/info/refs", StringComparison.Ordinal) || context.Request.Query["service"] != "git-upload-pack")
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            context.Response.ContentType = "application/x-git-upload-pack-advertisement";
            await context.Response.Body.WriteAsync(advertisement);
        });
        await server.StartAsync();
        return new OneCommitGitHost(server, commit);
    }

    public ValueTask DisposeAsync() => server.DisposeAsync();

    private static byte[] Advertisement(string commit) => Encoding.UTF8.GetBytes(
        Pkt("# service=git-upload-pack\n") + "0000" +
        Pkt($"{commit} HEAD\0symref=HEAD:refs/heads/main agent=git/test\n") +
        Pkt($"{commit} refs/heads/main\n") + "0000");

    private static string Pkt(string line) => (Encoding.UTF8.GetByteCount(line) + 4).ToString("x4", CultureInfo.InvariantCulture) + line;
}
