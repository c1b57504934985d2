using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Kube.Config;

/// <summary>Reads typed fields from one YAML mapping, naming the file and entry in every error.</summary>
internal sealed class YamlFields(YamlMappingNode mapping, string file, string entry)
{
    public string File { get; } = file;

    public string Entry { get; } = entry;

    public YamlNode? Node(string key) =>
        mapping.Children.TryGetValue(new YamlScalarNode(key), out var node) && !IsNull(node) ? node : null;

    public string? String(string key) => Node(key) switch
    {
        null => null,
        YamlScalarNode scalar => scalar.Value,
        _ => throw Error(key, "must be a string"),
    };

    public string RequiredString(string key) =>
        String(key) is { Length: > 0 } value ? value : throw Error(key, "is required but missing or empty");

    public bool Bool(string key) => String(key) switch
    {
        null => false,
        var text when bool.TryParse(text, out var value) => value,
        var text => throw Error(key, $"must be true or false, not \"{text}\""),
    };

    public YamlFields? Mapping(string key, string nestedEntry) => Node(key) switch
    {
        null => null,
        YamlMappingNode nested => new YamlFields(nested, File, nestedEntry),
        _ => throw Error(key, "must be a mapping"),
    };

    public IReadOnlyList<YamlNode> Sequence(string key) => Node(key) switch
    {
        null => [],
        YamlSequenceNode sequence => [.. sequence.Children],
        _ => throw Error(key, "must be a list"),
    };

    public IReadOnlyList<string> StringList(string key) =>
        [.. Sequence(key).Select((node, index) => node is YamlScalarNode scalar
            ? scalar.Value ?? string.Empty
            : throw Error($"{key}[{index.ToString(CultureInfo.InvariantCulture)}]", "must be a string"))];

    public KubeConfigException Error(string key, string problem) => new($"{File}: {Entry} field \"{key}\" {problem}");

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}
