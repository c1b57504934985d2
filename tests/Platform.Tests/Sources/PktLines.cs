using System.Globalization;
using System.Text;

namespace Paas.Platform.Tests.Sources;

/// <summary>Builds pkt-line bodies by hand for the edge cases a real server rarely produces.</summary>
internal static class PktLines
{
    public const string Flush = "0000";

    public static string Line(string text) => (Encoding.UTF8.GetByteCount(text) + 4).ToString("x4", CultureInfo.InvariantCulture) + text;

    public static ReadOnlyMemory<byte> Body(params string[] packets) => Encoding.UTF8.GetBytes(string.Concat(packets));
}
