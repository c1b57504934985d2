using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kube.Models;

namespace Kube.Client;

/// <summary>
/// Reads a list answer from the response stream as it arrives, one item at a time: only one item's bytes and JSON tree
/// exist at once. Buffering the page instead puts megabytes per page of 500 Deployments on the large object heap,
/// which only a full collection frees; an informer's first list of every kind would then set the process's peak.
/// </summary>
internal sealed class ListReader<T>
{
    private const int InitialBufferSize = 64 * 1024;

    private readonly string source;
    private readonly Func<JsonObject, T> materialize;
    private readonly List<T> items = [];
    private JsonReaderState state;
    private Phase phase;
    private string? apiVersion;
    private string? kind;
    private ListMeta? metadata;

    private ListReader(string source, Func<JsonObject, T> materialize)
    {
        this.source = source;
        this.materialize = materialize;
    }

    private enum Phase
    {
        BeforeList,
        InList,
        InItems,
        Done,
    }

    /// <summary>Reads the list from <paramref name="body"/>, materializing each item as soon as its last byte arrives.</summary>
    public static async Task<KubeList<T>> ReadAsync(Stream body, string source, Func<JsonObject, T> materialize, CancellationToken cancellationToken)
    {
        var reader = new ListReader<T>(source, materialize);
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        try
        {
            var filled = 0;
            var ended = false;
            while (true)
            {
                if (filled == buffer.Length)
                {
                    // One value is larger than the buffer: grow it, keeping what was read.
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(filled), cancellationToken);
                ended = read == 0;
                filled += read;
                var consumed = reader.Scan(buffer.AsSpan(0, filled));
                buffer.AsSpan(consumed, filled - consumed).CopyTo(buffer);
                filled -= consumed;
                if (ended)
                {
                    return reader.Finish(filled);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Reads every complete token of <paramref name="data"/>; returns how many bytes it is done with.</summary>
    /// <remarks>Never a final block: the list's closing brace ends it, and an answer cut off before it is reported as such.</remarks>
    private int Scan(ReadOnlySpan<byte> data)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: false, state);
        var safe = 0L;
        var safeState = state;
        try
        {
            while (phase != Phase.Done)
            {
                // Everything before this point is consumed; an incomplete value below rewinds to it.
                safe = reader.BytesConsumed;
                safeState = reader.CurrentState;
                if (!reader.Read() || !Step(ref reader, data))
                {
                    break;
                }
            }

            if (phase == Phase.Done)
            {
                safe = reader.BytesConsumed;
                safeState = reader.CurrentState;
            }
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: the server's list answer is not valid JSON: {e.Message}", e);
        }

        state = safeState;
        return (int)safe;
    }

    /// <summary>Handles the token the reader is on; false when its value has not fully arrived yet.</summary>
    private bool Step(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        switch (phase)
        {
            case Phase.BeforeList:
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    throw new InvalidDataException($"{source}: the server answered without a JSON object");
                }

                phase = Phase.InList;
                return true;
            case Phase.InList when reader.TokenType == JsonTokenType.EndObject:
                phase = Phase.Done;
                return true;
            case Phase.InList:
                return ReadProperty(ref reader, data);
            case Phase.InItems when reader.TokenType == JsonTokenType.EndArray:
                phase = Phase.InList;
                return true;
            default:
                return ReadItem(ref reader, data);
        }
    }

    private bool ReadProperty(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        var property = reader.GetString();
        if (!reader.Read())
        {
            return false;
        }

        switch (property)
        {
            case "apiVersion" when reader.TokenType == JsonTokenType.String:
                apiVersion = reader.GetString();
                return true;
            case "kind" when reader.TokenType == JsonTokenType.String:
                kind = reader.GetString();
                return true;
            case "items" when reader.TokenType == JsonTokenType.StartArray:
                phase = Phase.InItems;
                return true;
            case "metadata" when reader.TokenType == JsonTokenType.StartObject:
                var start = (int)reader.TokenStartIndex;
                if (!reader.TrySkip())
                {
                    return false;
                }

                metadata = JsonSerializer.Deserialize(data[start..(int)reader.BytesConsumed], KubeJsonContext.Default.ListMeta);
                return true;
            default:
                return reader.TrySkip();
        }
    }

    private bool ReadItem(ref Utf8JsonReader reader, ReadOnlySpan<byte> data)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return reader.TrySkip();
        }

        var start = (int)reader.TokenStartIndex;
        if (!reader.TrySkip())
        {
            return false;
        }

        var item = JsonNode.Parse(data[start..(int)reader.BytesConsumed]) as JsonObject
            ?? throw new InvalidDataException($"{source}: a list item is not a JSON object");
        items.Add(materialize(item));
        return true;
    }

    private KubeList<T> Finish(int leftover)
    {
        if (phase != Phase.Done)
        {
            var where = phase == Phase.InItems ? $"after {items.Count} items" : "before its items";
            throw new InvalidDataException($"{source}: the list answer ended early ({where}, {leftover} bytes of an unfinished value); the connection was probably cut, list again");
        }

        return new KubeList<T> { ApiVersion = apiVersion, Kind = kind, Metadata = metadata ?? new ListMeta(), Items = items };
    }
}
