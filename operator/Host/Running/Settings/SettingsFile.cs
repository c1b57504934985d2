using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Paas.Platform;
using Paas.Platform.Manifests;
using YamlDotNet.Core;

namespace Paas.Host.Running.Settings;

/// <summary>
/// Reads <c>paas-operator run --settings &lt;file.yaml&gt;</c> into <see cref="PlatformSettings"/>: camelCase keys that mirror
/// the record's properties, so a property added to the record is a key of the file with no change here.
/// Keys left out keep the record's defaults; unknown keys and wrong types stop the start with every mistake listed.
/// </summary>
public static class SettingsFile
{
    /// <summary>How the file's keys map onto the records: camelCase names, durations as <c>15m</c>, dyno sizes merged with Heroku's.</summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateOptions();

    /// <summary>Reads and checks the file at <paramref name="path"/>.</summary>
    public static PlatformSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SettingsFileException($"settings file {path} does not exist; pass --settings with the path of the YAML file (the chart mounts it at /etc/paas-operator/settings.yaml), or leave --settings out to use the defaults.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads and checks settings YAML; <paramref name="source"/> names it in messages.</summary>
    public static PlatformSettings Parse(string yaml, string source)
    {
        IReadOnlyList<JsonNode?> documents;
        try
        {
            documents = YamlJson.ReadDocuments(yaml);
        }
        catch (YamlException e)
        {
            throw new SettingsFileException($"settings file {source} is not valid YAML at line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}; fix the YAML syntax there.");
        }

        if (documents.Count == 0)
        {
            return PlatformSettings.Default;
        }

        if (documents.Count > 1 || documents[0] is not JsonObject root)
        {
            throw new SettingsFileException($"settings file {source} must hold one YAML mapping of settings (e.g. \"baseDomain: apps.example.com\"); it holds {(documents.Count > 1 ? $"{documents.Count} documents" : "a " + Describe(documents[0]))}.");
        }

        var errors = new List<string>();
        SettingsShape.Check(root, SerializerOptions.GetTypeInfo(typeof(PlatformSettings)), "", errors);
        if (errors.Count == 0)
        {
            try
            {
                var settings = root.Deserialize<PlatformSettings>(SerializerOptions)!;
                errors.AddRange(SettingsRules.Check(settings));
                if (errors.Count == 0)
                {
                    return settings;
                }
            }
            catch (JsonException e)
            {
                errors.Add($"{e.Path?.TrimStart('$', '.')}: {e.Message}");
            }
        }

        throw new SettingsFileException(
            $"settings file {source} is invalid ({errors.Count} {(errors.Count == 1 ? "error" : "errors")}):{Environment.NewLine}  "
            + string.Join(Environment.NewLine + "  ", errors));
    }

    internal static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "mapping",
        JsonArray => "list",
        JsonValue value when value.GetValueKind() == JsonValueKind.String => $"string \"{value.GetValue<string>()}\"",
        _ => $"{(node.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? "boolean" : "number")} {node.ToJsonString()}",
    };

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
            NumberHandling = JsonNumberHandling.Strict,
        };
        options.Converters.Add(new DynoSizeTableConverter());
        options.Converters.Add(new DurationConverter());
        options.MakeReadOnly();
        return options;
    }
}
