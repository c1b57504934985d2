using System.Globalization;
using System.Text;

namespace Paas.Platform.Validation;

/// <summary>Shows user text inside messages: double-quoted, control characters escaped, long text shortened.</summary>
internal static class Quote
{
    private const int MaxShown = 80;

    public static string Of(string text)
    {
        var shown = text.Length > MaxShown ? text[..(MaxShown - 20)] : text;
        var builder = new StringBuilder("\"");
        foreach (var c in shown)
        {
            builder.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\t' => "\\t",
                '\r' => "\\r",
                '\n' => "\\n",
                _ when char.IsControl(c) || c == '\uFEFF' || (char.IsWhiteSpace(c) && c != ' ') => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        builder.Append('"');
        if (shown.Length < text.Length)
        {
            builder.Append(CultureInfo.InvariantCulture, $"… ({text.Length} characters)");
        }

        return builder.ToString();
    }
}
