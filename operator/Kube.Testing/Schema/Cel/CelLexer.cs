using System.Globalization;
using System.Text;

namespace Kube.Testing.Schema.Cel;

/// <summary>Splits a CEL expression into tokens.</summary>
internal static class CelLexer
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "+", "-", "*", "/", "%", "?", ":", ".", ",", "(", ")", "[", "]", "{", "}"];

    public static List<CelToken> Tokenize(string text)
    {
        var tokens = new List<CelToken>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (char.IsAsciiDigit(c))
            {
                tokens.Add(ReadNumber(text, ref i));
            }
            else if (c is '"' or '\'' || ((c is 'r' or 'R') && i + 1 < text.Length && text[i + 1] is '"' or '\''))
            {
                tokens.Add(ReadString(text, ref i));
            }
            else if (char.IsAsciiLetter(c) || c == '_')
            {
                var start = i;
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] == '_'))
                {
                    i++;
                }
                tokens.Add(new CelToken(CelTokenKind.Identifier, text[start..i], null, start));
            }
            else
            {
                var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0)
                    ?? throw new CelException($"unexpected character '{c}' at position {i}");
                tokens.Add(new CelToken(CelTokenKind.Operator, op, null, i));
                i += op.Length;
            }
        }
        tokens.Add(new CelToken(CelTokenKind.End, "", null, text.Length));
        return tokens;
    }

    private static CelToken ReadNumber(string text, ref int i)
    {
        var start = i;
        if (text[i] == '0' && i + 1 < text.Length && text[i + 1] is 'x' or 'X')
        {
            i += 2;
            while (i < text.Length && char.IsAsciiHexDigit(text[i]))
            {
                i++;
            }
            return new CelToken(CelTokenKind.Int, text[start..i], long.Parse(text.AsSpan(start + 2, i - start - 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture), start);
        }
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }
        var isDouble = false;
        if (i + 1 < text.Length && text[i] == '.' && char.IsAsciiDigit(text[i + 1]))
        {
            isDouble = true;
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        if (i < text.Length && text[i] is 'e' or 'E')
        {
            isDouble = true;
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }
        }
        var literal = text[start..i];
        if (i < text.Length && text[i] is 'u' or 'U')
        {
            throw new CelException($"unsigned integer literal '{literal}u' is not supported");
        }
        return isDouble
            ? new CelToken(CelTokenKind.Double, literal, double.Parse(literal, CultureInfo.InvariantCulture), start)
            : new CelToken(CelTokenKind.Int, literal, long.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
                ? value : throw new CelException($"integer literal {literal} overflows int64"), start);
    }

    private static CelToken ReadString(string text, ref int i)
    {
        var start = i;
        var raw = text[i] is 'r' or 'R';
        if (raw)
        {
            i++;
        }
        var quote = text[i];
        var triple = string.CompareOrdinal(text, i, new string(quote, 3), 0, 3) == 0;
        var delimiter = new string(quote, triple ? 3 : 1);
        i += delimiter.Length;
        var value = new StringBuilder();
        while (true)
        {
            if (i >= text.Length)
            {
                throw new CelException($"unterminated string starting at position {start}");
            }
            if (string.CompareOrdinal(text, i, delimiter, 0, delimiter.Length) == 0)
            {
                i += delimiter.Length;
                break;
            }
            if (text[i] == '\\' && !raw)
            {
                value.Append(Unescape(text, ref i));
                continue;
            }
            value.Append(text[i++]);
        }
        return new CelToken(CelTokenKind.String, text[start..i], value.ToString(), start);
    }

    private static string Unescape(string text, ref int i)
    {
        if (i + 1 >= text.Length)
        {
            throw new CelException("unterminated escape sequence");
        }
        var c = text[i + 1];
        i += 2;
        switch (c)
        {
            case 'n': return "\n";
            case 't': return "\t";
            case 'r': return "\r";
            case '\\': return "\\";
            case '\'': return "'";
            case '"': return "\"";
            case '`': return "`";
            case '?': return "?";
            case 'a': return "\a";
            case 'b': return "\b";
            case 'f': return "\f";
            case 'v': return "\v";
            case 'u' or 'x' or 'U':
                var length = c == 'u' ? 4 : c == 'U' ? 8 : 2;
                if (i + length > text.Length)
                {
                    throw new CelException("truncated escape sequence");
                }
                var code = int.Parse(text.AsSpan(i, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                i += length;
                return char.ConvertFromUtf32(code);
            default:
                throw new CelException($"unsupported escape sequence '\\{c}'");
        }
    }
}
