namespace Paas.Platform.Sources;

/// <summary>The pkt-lines read from a stream, and the framing error that stopped the reading, if any.</summary>
/// <param name="Lines">The lines before the error, or all of them.</param>
/// <param name="Error">Why the rest could not be read; null when the stream was read to its end.</param>
public sealed record PktLineRead(IReadOnlyList<PktLine> Lines, string? Error)
{
    public static PktLineRead Failed(IReadOnlyList<PktLine> lines, string error) => new(lines, error);
}
