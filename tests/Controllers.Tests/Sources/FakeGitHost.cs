using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Paas.Controllers.Tests.Sources;

/// <summary>
/// A git host's smart-HTTP ref advertisement, served from memory: each repository URL has a default branch and refs a
/// test moves, or a failure (an HTTP status, or no answer at all). Requests are counted per repository.
/// </summary>
internal sealed class FakeGitHost : HttpMessageHandler
{
    private readonly ConcurrentDictionary<string, Repository> repositories = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> requests = new(StringComparer.Ordinal);

    /// <summary>Serves <paramref name="url"/> with branch <paramref name="branch"/> at <paramref name="commit"/> as its default branch.</summary>
    public void Serve(string url, string branch, string commit) =>
        repositories[url] = new Repository(branch, new Dictionary<string, string> { ["refs/heads/" + branch] = commit }, null, false);

    /// <summary>Points <paramref name="refName"/> (e.g. refs/heads/dev) of <paramref name="url"/> at <paramref name="commit"/>.</summary>
    public void Move(string url, string refName, string commit) =>
        repositories.AddOrUpdate(url, _ => throw new InvalidOperationException($"{url} is not served"), (_, repository) =>
            repository with { Refs = new Dictionary<string, string>(repository.Refs) { [refName] = commit } });

    /// <summary>Answers <paramref name="url"/> with <paramref name="status"/> and no refs.</summary>
    public void Fail(string url, HttpStatusCode status) => repositories[url] = new Repository("main", new Dictionary<string, string>(), status, false);

    /// <summary>Makes <paramref name="url"/> unreachable, as a refused connection is.</summary>
    public void Unplug(string url) => repositories[url] = new Repository("main", new Dictionary<string, string>(), null, true);

    /// <summary>How many times the refs of <paramref name="url"/> were asked for.</summary>
    public int RequestsFor(string url) => requests.GetValueOrDefault(url);

    public int TotalRequests => requests.Values.Sum();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = request.RequestUri!;
        if (uri.AbsolutePath.EndsWith("/info/refs", StringComparison.Ordinal) is false || uri.Query != "?service=git-upload-pack")
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest));
        }

        var url = uri.GetLeftPart(UriPartial.Path)[..^"/info/refs".Length];
        requests.AddOrUpdate(url, 1, (_, count) => count + 1);
        if (!repositories.TryGetValue(url, out var repository))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound));
        }

        if (repository.Unreachable)
        {
            throw new HttpRequestException($"Connection refused ({uri.Authority})");
        }

        if (repository.Failure is { } status)
        {
            return Task.FromResult(new HttpResponseMessage(status));
        }

        var content = new ByteArrayContent(Advertisement(repository));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-git-upload-pack-advertisement");
        return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = content });
    }

    private static byte[] Advertisement(Repository repository)
    {
        var text = new StringBuilder();
        text.Append(Pkt("# service=git-upload-pack\n")).Append("0000");
        var head = "refs/heads/" + repository.DefaultBranch;
        var first = true;
        foreach (var (name, commit) in new[] { ("HEAD", repository.Refs.GetValueOrDefault(head)) }.Where(pair => pair.Item2 is not null)
                     .Concat(repository.Refs.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => (pair.Key, (string?)pair.Value))))
        {
            var capabilities = first ? $"\0multi_ack side-band-64k symref=HEAD:{head} agent=git/fake" : "";
            text.Append(Pkt($"{commit} {name}{capabilities}\n"));
            first = false;
        }

        return Encoding.UTF8.GetBytes(text.Append("0000").ToString());
    }

    private static string Pkt(string line) => (Encoding.UTF8.GetByteCount(line) + 4).ToString("x4", CultureInfo.InvariantCulture) + line;

    private sealed record Repository(string DefaultBranch, IReadOnlyDictionary<string, string> Refs, HttpStatusCode? Failure, bool Unreachable);
}
