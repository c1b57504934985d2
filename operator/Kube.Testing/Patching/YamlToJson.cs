using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Kube.Testing.Patching;

/// <summary>Reads an apply body (YAML, of which JSON is a subset) into JSON, typing plain scalars as YAML 1.2 core does.</summary>
internal static class YamlToJson
{
    /// <summary>Returns the first document's root, or throws <see cref="PatchException"/> with the parser's message.</summary>
    public static JsonNode? Parse(string text)
    {
        // Clients send apply bodies as JSON far more often than as YAML (kubectl and client-go do); JSON's own parser
        // reads them many times faster. Anything it refuses goes through YAML, which gives the error or the meaning.
        if (text.AsSpan().TrimStart().StartsWith('{') && TryParseJson(text) is { } json)
            return json;
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new PatchException($"error converting YAML to JSON: {e.Message}");
        }
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonObject? TryParseJson(string text)
    {
        try
        {
            // Duplicate keys are refused here, so they reach the YAML parser and its error, as before.
            return JsonNode.Parse(text, documentOptions: new System.Text.Json.JsonDocumentOptions { AllowDuplicateProperties = false }) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode mapping => new JsonObject(mapping.Children.Select(p =>
            KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Convert(p.Value)))),
        YamlSequenceNode sequence => new JsonArray([.. sequence.Children.Select(Convert)]),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        if (text is "" or "~" or "null" or "Null" or "NULL")
            return null;
        if (text is "true" or "True" or "TRUE")
            return JsonValue.Create(true);
        if (text is "false" or "False" or "FALSE")
            return JsonValue.Create(false);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
            return JsonValue.Create(integer);
        if (text.Any(char.IsDigit) && !text.Contains(':') &&
            double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
            return JsonValue.Create(number);
        return JsonValue.Create(text);
    }
}
