using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Paas.Platform.Sources;

namespace Paas.Controllers.Sources;

/// <summary>
/// Asks a git server which commit each ref points to, without cloning: <c>GET &lt;url&gt;/info/refs?service=git-upload-pack</c>
/// (git's smart-HTTP protocol), as <c>git ls-remote</c> does. Every failure comes back as a value whose message names
/// spec.source.git.url, what happened and what to do.
/// </summary>
public sealed class GitRefClient
{
    /// <summary>Large enough for repositories with tens of thousands of refs; a body beyond it is not an advertisement we want.</summary>
    private const int MaxAdvertisementBytes = 32 * 1024 * 1024;

    private const string AdvertisementMediaType = "application/x-git-upload-pack-advertisement";

    private readonly HttpClient http;

    /// <param name="http">Sends the requests; its timeout bounds a poll.</param>
    public GitRefClient(HttpClient http) => this.http = http ?? throw new ArgumentNullException(nameof(http));

    public async Task<RefLookup> LookUpAsync(SourcePollTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        var url = target.DisplayUrl;
        using var request = new HttpRequestMessage(HttpMethod.Get, target.InfoRefs);
        // Smart-HTTP servers, GitHub's among them, recognise git clients by this prefix.
        request.Headers.UserAgent.ParseAdd("git/2.0 (paas-operator)");
        request.Headers.Accept.ParseAdd(AdvertisementMediaType);
        request.Headers.Accept.ParseAdd("*/*");
        if (target.Credentials is { } credentials)
        {
            var pair = Encoding.UTF8.GetBytes($"{credentials.UserName}:{credentials.Password}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(pair));
        }

        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (Refused(response, url) is { } refused)
            {
                return refused;
            }

            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (!string.Equals(mediaType, AdvertisementMediaType, StringComparison.OrdinalIgnoreCase))
            {
                return RefLookup.Failed(SourceReasons.BadResponse,
                    $"spec.source.git.url: \"{url}\" did not answer as a git smart-HTTP server (Content-Type {mediaType ?? "none"} instead of {AdvertisementMediaType}); " +
                    "set the repository's https clone URL, the one `git clone` takes.");
            }

            if (await ReadBoundedAsync(response.Content, cancellationToken) is not { } body)
            {
                return RefLookup.Failed(SourceReasons.BadResponse,
                    $"spec.source.git.url: \"{url}\" advertised more than {MaxAdvertisementBytes / (1024 * 1024)} MB of refs; the operator cannot follow a ref there, create Builds yourself instead.");
            }

            var parse = RefAdvertisementParser.Parse(body);
            return parse.Advertisement is { } advertisement
                ? new RefLookup(advertisement, null, null)
                : RefLookup.Failed(SourceReasons.BadResponse, $"spec.source.git.url: \"{url}\" answered, but not with git refs: {parse.Error}; set the repository's https clone URL.");
        }
        catch (HttpRequestException ex)
        {
            return Unreachable(url, ex.Message);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(url, $"no answer within {http.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s");
        }
    }

    private static RefLookup? Refused(HttpResponseMessage response, string url)
    {
        var code = (int)response.StatusCode;
        var status = $"HTTP {code.ToString(CultureInfo.InvariantCulture)}";
        return response.StatusCode switch
        {
            _ when response.IsSuccessStatusCode => null,
            HttpStatusCode.NotFound or HttpStatusCode.Gone => RefLookup.Failed(SourceReasons.NotFound,
                $"spec.source.git.url: \"{url}\" was not found ({status}); check the URL, e.g. copy the repository's https clone URL."),
            HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden => RefLookup.Failed(SourceReasons.AuthRequired,
                $"spec.source.git.url: \"{url}\" requires credentials ({status}), or does not exist (some hosts, GitHub among them, answer so for both); " +
                "the operator follows repositories anyone may read: make it public, or remove spec.source and create Builds yourself (paas builds:create)."),
            _ => RefLookup.Failed(SourceReasons.Unreachable,
                $"spec.source.git.url: \"{url}\" answered {status} {response.ReasonPhrase}; this is the git host's trouble, the operator tries again later."),
        };
    }

    private static RefLookup Unreachable(string url, string why) =>
        RefLookup.Failed(SourceReasons.Unreachable,
            $"spec.source.git.url: \"{url}\" could not be reached ({why}); check the host name, and that the operator's pods may connect to it (network policy, egress proxy). The operator tries again later.");

    private static async Task<byte[]?> ReadBoundedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxAdvertisementBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxAdvertisementBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
