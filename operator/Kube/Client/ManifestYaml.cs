using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kube.Client;

/// <summary>
/// Reads Kubernetes manifests (YAML, several documents separated by <c>---</c>) into JSON objects, resolving plain
/// scalars the way kubectl does: numbers, booleans (including yes/no/on/off) and null, while quoted text stays text.
/// </summary>
public static class ManifestYaml
{
    /// <summary>Every non-empty document; <paramref name="source"/> names the file in errors.</summary>
    public static IReadOnlyList<JsonObject> Parse(string yaml, string source = "manifest")
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new FormatException($"{source}: not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.Message}", e);
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet's scanner reports some malformed input (e.g. an unclosed flow list) this way, without a position.
            throw new FormatException($"{source}: not valid YAML: {e.Message}", e);
        }

        var objects = new List<JsonObject>();
        for (var index = 0; index < stream.Documents.Count; index++)
        {
            switch (stream.Documents[index].RootNode)
            {
                case YamlMappingNode mapping:
                    objects.Add((JsonObject)Convert(mapping)!);
                    break;
                case YamlScalarNode scalar when IsNullScalar(scalar):
                    break;
                default:
                    throw new FormatException($"{source}: document {(index + 1).ToString(CultureInfo.InvariantCulture)} is not a mapping; a manifest document is one object with apiVersion and kind");
            }
        }

        return objects;
    }

    /// <summary>One YAML node as JSON.</summary>
    public static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => ConvertMapping(mapping),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => ConvertScalar(scalar),
        _ => throw new FormatException($"unsupported YAML node at line {node.Start.Line}"),
    };

    private static JsonObject ConvertMapping(YamlMappingNode mapping)
    {
        var obj = new JsonObject();
        foreach (var (key, value) in mapping.Children)
        {
            var name = key is YamlScalarNode { Value: { } text }
                ? text
                : throw new FormatException($"line {key.Start.Line}: mapping keys must be plain strings");
            obj[name] = Convert(value);
        }

        return obj;
    }

    private static JsonNode? ConvertScalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? string.Empty;
        if (scalar.Style != ScalarStyle.Plain || scalar.Tag == "tag:yaml.org,2002:str")
        {
            return JsonValue.Create(text);
        }

        if (IsNullScalar(scalar))
        {
            return null;
        }

        return Boolean(text) is { } flag ? JsonValue.Create(flag)
            : Integer(text) is { } integer ? JsonValue.Create(integer)
            : Float(text) is { } real ? JsonValue.Create(real)
            : JsonValue.Create(text);
    }

    private static bool IsNullScalar(YamlScalarNode scalar) =>
        scalar.Style == ScalarStyle.Plain && scalar.Value is null or "" or "~" or "null" or "Null" or "NULL";

    // kubectl's YAML reader follows YAML 1.1 here, so `on` and `yes` are booleans, as users of kubectl expect.
    private static bool? Boolean(string text) => text switch
    {
        "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y" => true,
        "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N" => false,
        _ => null,
    };

    private static long? Integer(string text)
    {
        var plain = text.Replace("_", string.Empty, StringComparison.Ordinal);
        var negative = plain.StartsWith('-');
        var digits = plain.TrimStart('+', '-');
        if (digits.Length == 0 || plain.Length - digits.Length > 1)
        {
            return null;
        }

        long value = 0;
        bool parsed;
        if (digits.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
        {
            parsed = long.TryParse(digits[2..], NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        }
        else if (digits.StartsWith("0o", StringComparison.OrdinalIgnoreCase))
        {
            parsed = TryParseOctal(digits[2..], out value);
        }
        else if (digits.Length > 1 && digits[0] == '0' && digits.All(c => c is >= '0' and <= '7'))
        {
            // YAML 1.1, which kubectl reads: a leading zero means octal, so `mode: 0644` is 420.
            parsed = TryParseOctal(digits[1..], out value);
        }
        else
        {
            parsed = digits.All(char.IsAsciiDigit) && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        }

        return parsed ? (negative ? -value : value) : null;
    }

    private static bool TryParseOctal(string digits, out long value)
    {
        value = 0;
        if (digits.Length == 0 || !digits.All(c => c is >= '0' and <= '7'))
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (value > (long.MaxValue - 7) / 8)
            {
                return false;
            }

            value = (value * 8) + (c - '0');
        }

        return true;
    }

    // .inf and .nan have no JSON form, so they stay text and the server reports the field.
    private static double? Float(string text) => text switch
    {
        _ when text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '+' or '.')
            && text.Any(char.IsAsciiDigit)
            && text.All(c => char.IsAsciiDigit(c) || c is '.' or 'e' or 'E' or '-' or '+' or '_')
            && double.TryParse(text.Replace("_", string.Empty, StringComparison.Ordinal), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) => value,
        _ => null,
    };
}
