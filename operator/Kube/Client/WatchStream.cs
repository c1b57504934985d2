using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;

namespace Kube.Client;

/// <summary>
/// Reads a watch response: one JSON event per line. Lines split across network reads are joined, blank lines skipped,
/// and a line that is not an event fails loudly with the line in the message.
/// </summary>
internal static class WatchStream
{
    private const int LineExcerpt = 500;

    public static async IAsyncEnumerable<WatchEvent<T>> ReadAsync<T>(
        HttpResponseMessage response,
        string source,
        Func<JsonObject, T> materialize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Disposing the response on cancellation unblocks a read that is waiting on a quiet stream.
        await using var closeOnCancel = cancellationToken.Register(response.Dispose);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var reader = new StreamReader(body, Encoding.UTF8);
        while (true)
        {
            string? line;
            try
            {
                line = await reader.ReadLineAsync(cancellationToken);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is IOException or ObjectDisposedException or HttpRequestException)
            {
                throw new OperationCanceledException("The watch was cancelled.", e, cancellationToken);
            }

            if (line is null)
            {
                // A response closed because of cancellation looks like a clean end; report it as the cancellation it is.
                cancellationToken.ThrowIfCancellationRequested();
                yield break;
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            yield return Parse(line, source, materialize);
        }
    }

    internal static WatchEvent<T> Parse<T>(string line, string source, Func<JsonObject, T> materialize)
    {
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(line) as JsonObject;
        }
        catch (JsonException e)
        {
            throw Malformed(source, "not JSON", line, e);
        }

        if (root is null || root["type"] is not JsonValue typeValue || !typeValue.TryGetValue<string>(out var type))
        {
            throw Malformed(source, "no \"type\"", line);
        }

        if (root["object"] is not JsonObject obj)
        {
            throw Malformed(source, "no \"object\"", line);
        }

        var resourceVersion = obj["metadata"]?["resourceVersion"] is JsonValue version && version.TryGetValue<string>(out var text) ? text : null;
        try
        {
            return type switch
            {
                "ERROR" => new WatchEvent<T> { Type = type, Error = obj.Deserialize(KubeJsonContext.Default.Status) },
                "BOOKMARK" => new WatchEvent<T> { Type = type, ResourceVersion = resourceVersion },
                _ => new WatchEvent<T> { Type = type, Object = materialize(obj), ResourceVersion = resourceVersion },
            };
        }
        catch (JsonException e)
        {
            throw Malformed(source, $"its object does not fit {typeof(T).Name}: {e.Message}", line, e);
        }
    }

    private static WatchStreamException Malformed(string source, string problem, string line, Exception? inner = null)
    {
        var excerpt = line.Length <= LineExcerpt ? line : line[..LineExcerpt] + "…";
        return new WatchStreamException($"{source}: the watch sent a line that is not a watch event ({problem}): {excerpt}", excerpt, inner);
    }
}
