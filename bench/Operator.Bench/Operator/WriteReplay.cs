using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Kube.Testing;

namespace Paas.Bench.Operator;

/// <summary>
/// The lower bound for the cold start: the operator's own write requests (same method, path, query, content type and
/// body) sent again by a plain HttpClient loop, at the operator's concurrency, to a fresh server holding the same Apps.
/// </summary>
internal static partial class WriteReplay
{
    /// <summary>Sends <paramref name="writes"/> in their order from <paramref name="concurrency"/> loops; returns the elapsed time and the failures.</summary>
    /// <param name="server">The server to send to.</param>
    /// <param name="writes">The captured requests.</param>
    /// <param name="uids">Owner uids on the capturing server mapped to the same owners' uids on <paramref name="server"/>.</param>
    /// <param name="concurrency">How many requests may be in flight.</param>
    /// <param name="cancellationToken">Stops the replay.</param>
    public static async Task<(TimeSpan Elapsed, int Failed)> RunAsync(
        Uri server, IReadOnlyList<ObservedRequest> writes, IReadOnlyDictionary<string, string> uids, int concurrency, CancellationToken cancellationToken)
    {
        var bodies = writes.Select(write => Rewrite(write.Body, uids)).ToArray();
        using var http = new HttpClient(new SocketsHttpHandler()) { BaseAddress = server };
        var next = -1;
        var failed = 0;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(
            async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < writes.Count; i = Interlocked.Increment(ref next))
                {
                    using var request = new HttpRequestMessage(new HttpMethod(writes[i].Method), writes[i].Path + writes[i].Query);
                    if (bodies[i].Length > 0)
                    {
                        request.Content = new ByteArrayContent(bodies[i]);
                        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(writes[i].ContentType ?? "application/json");
                    }

                    using var response = await http.SendAsync(request, cancellationToken);
                    await response.Content.ReadAsByteArrayAsync(cancellationToken);
                    if ((int)response.StatusCode != writes[i].StatusCode)
                    {
                        Interlocked.Increment(ref failed);
                    }
                }
            },
            cancellationToken)));
        return (clock.Elapsed, failed);
    }

    private static byte[] Rewrite(ReadOnlyMemory<byte> body, IReadOnlyDictionary<string, string> uids)
    {
        if (body.IsEmpty)
        {
            return [];
        }

        var text = Uid().Replace(Encoding.UTF8.GetString(body.Span), match => uids.GetValueOrDefault(match.Value, match.Value));
        return Encoding.UTF8.GetBytes(text);
    }

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex Uid();
}
