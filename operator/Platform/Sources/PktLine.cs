namespace Paas.Platform.Sources;

/// <summary>One packet of git's pkt-line framing: a data line, or one of the special zero-length packets.</summary>
/// <param name="Kind">Data, or flush/delimiter/response-end.</param>
/// <param name="Payload">The bytes after the 4-digit length; empty for the special packets.</param>
public readonly record struct PktLine(PktLineKind Kind, ReadOnlyMemory<byte> Payload)
{
    /// <summary>The payload as text without its trailing newline (git ends most text lines with one, optionally).</summary>
    public string Text()
    {
        var span = Payload.Span;
        if (span.Length > 0 && span[^1] == (byte)'\n')
        {
            span = span[..^1];
        }

        return System.Text.Encoding.UTF8.GetString(span);
    }
}
