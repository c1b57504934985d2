using System.Globalization;

namespace Paas.Platform.Sources;

/// <summary>
/// Splits a byte stream into git pkt-lines (gitprotocol-common: a 4-digit hex length that counts itself, then the data),
/// refusing what git would refuse: a length that is not hex, the reserved lengths 1 to 3, or a packet cut short.
/// </summary>
public static class PktLineReader
{
    /// <summary>Git's own limit: 65520 bytes per packet, the 4 length digits included.</summary>
    public const int MaxPacketLength = 65520;

    /// <summary>Every pkt-line in <paramref name="data"/>, or the first framing error with its byte offset.</summary>
    public static PktLineRead ReadAll(ReadOnlyMemory<byte> data)
    {
        var lines = new List<PktLine>();
        var offset = 0;
        while (offset < data.Length)
        {
            if (data.Length - offset < 4)
            {
                return PktLineRead.Failed(lines, $"a pkt-line length at byte {Offset(offset)} is cut short ({Offset(data.Length - offset)} of 4 bytes)");
            }

            var digits = System.Text.Encoding.ASCII.GetString(data.Span.Slice(offset, 4));
            if (!int.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var length) || digits.Any(char.IsWhiteSpace))
            {
                return PktLineRead.Failed(lines, $"byte {Offset(offset)} starts \"{Printable(digits)}\", which is not a 4-digit hex pkt-line length");
            }

            switch (length)
            {
                case 0:
                    lines.Add(new PktLine(PktLineKind.Flush, ReadOnlyMemory<byte>.Empty));
                    break;
                case 1:
                    lines.Add(new PktLine(PktLineKind.Delimiter, ReadOnlyMemory<byte>.Empty));
                    break;
                case 2:
                    lines.Add(new PktLine(PktLineKind.ResponseEnd, ReadOnlyMemory<byte>.Empty));
                    break;
                case 3:
                    return PktLineRead.Failed(lines, $"byte {Offset(offset)} has the reserved pkt-line length 0003");
                case > MaxPacketLength:
                    return PktLineRead.Failed(lines, $"byte {Offset(offset)} has pkt-line length {Offset(length)}, above git's limit of {Offset(MaxPacketLength)}");
                default:
                    if (offset + length > data.Length)
                    {
                        return PktLineRead.Failed(lines, $"the pkt-line at byte {Offset(offset)} announces {Offset(length)} bytes but only {Offset(data.Length - offset)} follow");
                    }

                    lines.Add(new PktLine(PktLineKind.Data, data.Slice(offset + 4, length - 4)));
                    offset += length;
                    continue;
            }

            offset += 4;
        }

        return new PktLineRead(lines, null);
    }

    private static string Offset(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Printable(string text) => new([.. text.Select(c => char.IsControl(c) ? '?' : c)]);
}
