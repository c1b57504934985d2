using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
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
        WatchObjectReader<T> read,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Disposing the response on cancellation unblocks a read that is waiting on a quiet stream.
        await using var closeOnCancel = cancellationToken.Register(response.Dispose);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var lines = new LineReader(body);
        while (true)
        {
            ReadOnlyMemory<byte>? line;
            try
            {
                line = await lines.ReadLineAsync(cancellationToken);
            }
            catch (Exception e) when (cancellationToken.IsCancellationRequested && e is IOException or ObjectDisposedException or HttpRequestException)
            {
                throw new OperationCanceledException("The watch was cancelled.", e, cancellationToken);
            }

            if (line is not { } bytes)
            {
                // A response closed because of cancellation looks like a clean end; report it as the cancellation it is.
                cancellationToken.ThrowIfCancellationRequested();
                yield break;
            }

            if (IsBlank(bytes.Span))
            {
                continue;
            }

            yield return Parse(bytes.Span, source, read);
        }
    }

    /// <summary>Parses one event line, reading its object straight from the bytes.</summary>
    internal static WatchEvent<T> Parse<T>(ReadOnlySpan<byte> line, string source, WatchObjectReader<T> read)
    {
        string? type = null;
        var objectStart = -1;
        var objectEnd = -1;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Malformed(source, "not a JSON object", line);
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var property = reader.GetString();
                reader.Read();
                if (property == "type" && reader.TokenType == JsonTokenType.String)
                {
                    type = reader.GetString();
                }
                else if (property == "object" && reader.TokenType == JsonTokenType.StartObject)
                {
                    objectStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                    objectEnd = (int)reader.BytesConsumed;
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException e)
        {
            throw Malformed(source, "not JSON", line, e);
        }

        if (type is null)
        {
            throw Malformed(source, "no \"type\"", line);
        }

        if (objectStart < 0)
        {
            throw Malformed(source, "no \"object\"", line);
        }

        var json = line[objectStart..objectEnd];
        try
        {
            switch (type)
            {
                case "ERROR":
                    return new WatchEvent<T> { Type = type, Error = JsonSerializer.Deserialize(json, KubeJsonContext.Default.Status) };
                case "BOOKMARK":
                    // A bookmark's object has only metadata.resourceVersion, which the kind's own type may not allow.
                    return new WatchEvent<T> { Type = type, ResourceVersion = ResourceVersionOf(json) };
                default:
                    var obj = read(json, out var resourceVersion);
                    return new WatchEvent<T> { Type = type, Object = obj, ResourceVersion = resourceVersion };
            }
        }
        catch (JsonException e)
        {
            throw Malformed(source, $"its object does not fit {typeof(T).Name}: {e.Message}", line, e);
        }
    }

    /// <summary>The <c>metadata.resourceVersion</c> of an object's JSON, without materializing the object.</summary>
    internal static string? ResourceVersionOf(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isMetadata = reader.ValueTextEquals("metadata"u8);
            reader.Read();
            if (!isMetadata || reader.TokenType != JsonTokenType.StartObject)
            {
                reader.Skip();
                continue;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isVersion = reader.ValueTextEquals("resourceVersion"u8);
                reader.Read();
                if (isVersion && reader.TokenType == JsonTokenType.String)
                {
                    return reader.GetString();
                }

                reader.Skip();
            }

            return null;
        }

        return null;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    private static WatchStreamException Malformed(string source, string problem, ReadOnlySpan<byte> line, Exception? inner = null)
    {
        var text = Encoding.UTF8.GetString(line.TrimEnd("\r"u8));
        var excerpt = text.Length <= LineExcerpt ? text : text[..LineExcerpt] + "…";
        return new WatchStreamException($"{source}: the watch sent a line that is not a watch event ({problem}): {excerpt}", excerpt, inner);
    }
}

/// <summary>Materializes a watch event's object from its JSON and reports its <c>metadata.resourceVersion</c>.</summary>
internal delegate T WatchObjectReader<T>(ReadOnlySpan<byte> json, out string? resourceVersion);
