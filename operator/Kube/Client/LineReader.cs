using System.Buffers;

namespace Kube.Client;

/// <summary>
/// Reads newline-terminated lines of bytes from a stream into one reused buffer, so a watch decodes its JSON events
/// straight from UTF-8 instead of through a string per line. A line is valid until the next read.
/// </summary>
internal sealed class LineReader(Stream stream) : IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private byte[] buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int start;
    private int end;
    private int scanned;
    private bool ended;

    /// <summary>The next line without its <c>\n</c>, or null at the end of the stream; a last line without one counts.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var newline = buffer.AsSpan(scanned, end - scanned).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = buffer.AsMemory(start, scanned + newline - start);
                start = scanned = scanned + newline + 1;
                return line;
            }

            scanned = end;
            if (ended)
            {
                if (start == end)
                {
                    return null;
                }

                var last = buffer.AsMemory(start, end - start);
                start = scanned = end;
                return last;
            }

            MakeRoom();
            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken);
            ended = read == 0;
            end += read;
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = [];
    }

    /// <summary>Moves the unfinished line to the front, growing the buffer when that line fills it.</summary>
    private void MakeRoom()
    {
        var pending = end - start;
        var target = pending * 2 > buffer.Length ? ArrayPool<byte>.Shared.Rent(buffer.Length * 2) : buffer;
        buffer.AsSpan(start, pending).CopyTo(target);
        if (!ReferenceEquals(target, buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
            buffer = target;
        }

        scanned -= start;
        end = pending;
        start = 0;
    }
}
